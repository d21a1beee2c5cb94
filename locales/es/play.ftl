# La pantalla de juego: barra, plan, equipo, indicadores, registro, mundo y ventanas.

## El aviso de la semana

play-banner = Semana { $week } terminada · moral { $morale }%{ $morale_change } · entregas { $delivery }%{ $delivery_change }

## Barra superior

play-toolbar-week = { $role } · semana { $week } de { $weeks } · { $hours } h esta semana
play-menu = Menú (Esc)
play-keys = Teclas (?)
play-charts = Gráficas (C)
play-scrutiny = Los informes de estado para { $above } ocupan { $hours } h de esta semana: su confianza en ti es del { $confidence }%
play-announced-next-week = Anunciado para la próxima semana: { $events }
play-speed-name = Las semanas avanzan
play-clock-left = { $seconds } s
play-end-week = Terminar semana (Enter)
play-not-yet = Todavía no: { $why }
play-keep-plan = Repetir el último plan (K)
play-class-seated = Clase { $code } en { $host }
play-class-joining = Uniéndote a la clase en { $host }...
play-class-lost = Sin conexión con { $host } ({ $why }): reintentando; puedes seguir planificando
play-class-refused = La computadora de quien facilita te rechazó: { $why }
play-class-over = se acabó el tiempo: termina tus semanas
play-class-waiting = esperando a que quien facilita empiece
play-class-paused = semana { $week } de { $weeks } de la clase, en pausa
play-class-opens = semana { $week } de { $weeks } de la clase · tu semana { $mine } se abre en { $time }
play-class-left = semana { $week } de { $weeks } de la clase · quedan { $time }
play-class-announced = Anunciado, ocurre la próxima semana: { $events }

## Paneles y la vista del equipo

play-region-toolbar = Barra de herramientas
play-region-team = Tu equipo
play-region-week = Tu semana
play-region-metrics = Indicadores
play-region-log = Registro
play-hard-hidden = Difícil: lo que hace el plan queda oculto hasta que se juega la semana.
play-view-trees = Árboles: personas y trabajo
play-view-forest = Bosque: metas y visión
play-view-hint = Z: cambiar · rueda: 5% de la semana por paso
play-view-hint-more = Acercar es decidir: cada paso de la rueda del ratón sobre el equipo mueve el 5% de las horas de la semana hacia los árboles (acercar) o el bosque (alejar), mantiene tu reparto dentro de cada familia, y la vista lo sigue.
play-inside-team = Dentro del equipo de { $name }
play-inside-empty-seat = Dentro del equipo de un puesto vacante
play-back-direct-reports = Volver a tus colaboradores directos
play-empty-seat = Un puesto vacante
play-empty-seat-hire = Un puesto vacante: alguien se incorpora en la semana { $week }
play-goal-hover = { $goal }: { $percent }% alcanzado ({ $done } de { $target } semanas-persona alineadas)
play-you-hover = Tú: { $hours } horas esta semana, { $forest }% en el bosque

## Ventanas sobre la pantalla de juego

play-why-title = ¿Por qué cambió { $metric }?
play-charts-title = Tu equipo, semana a semana
play-charts-none = Aún no ha terminado ninguna semana: cada línea empieza cuando termines la semana 1.
play-people-title = Tu equipo, persona a persona
play-keys-title = Teclas

## Menú de pausa

play-paused = En pausa
play-paused-saved = Tu partida se guarda después de cada semana.
play-resume = Continuar
play-save-copy = Guardar una copia
play-restart-confirm = ¿Empezar este nivel de nuevo? La nueva partida reemplaza el guardado automático de esta: "Guardar una copia" antes la conserva.
play-restart-yes = Sí, reiniciar
play-restart-no = No
play-restart = Reiniciar este nivel
play-back-title = Volver al título
play-announce-heading = Un evento que anunció quien facilita
play-announce-hint = Elige el código del proyector: ocurre la próxima semana, igual en la partida de cada equipo.
