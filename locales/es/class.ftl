# Dirigir una clase y unirse a ella: facilitar, proyector, unirse y la red de la clase.

## Facilitar: la pantalla de quien facilita (su pie, la preparación de la ronda y el proyector)

facilitate-actions = Acciones de quien facilita
facilitate-compare = Comparar la clase
facilitate-setup = Preparar la ronda
facilitate-projector = Proyector
facilitate-seconds-a-week = Segundos por semana
facilitate-code-hint = Equipos: en la pantalla de título, Unirse a una clase, y luego escribir este código:
facilitate-round-details = { $level } · { $difficulty } · semilla { $seed }
facilitate-level = Nivel
facilitate-seed = Semilla
facilitate-offline = Sin red: reúne después los archivos de resultados y compáralos (C).
facilitate-host = Alojar esta clase en la red local
facilitate-hosted = Alojada en la red local
facilitate-find-or-type = Los equipos pulsan Buscar en esta red, o escriben:
facilitate-find-or-type-one-of = Los equipos pulsan Buscar en esta red, o escriben una de estas direcciones:
facilitate-in-a-browser = Los equipos que solo tienen un navegador abren: { $addresses }
facilitate-no-address = esta máquina aún no tiene dirección de red: conéctala a la red de la sala (puerto { $port })
facilitate-stop-hosting = Dejar de alojar
facilitate-announce-heading = Anunciar un evento
facilitate-announce-hosted = Llega al juego de cada equipo y ocurre la semana siguiente, igual para todos.
facilitate-announce-offline = Los equipos eligen su código en el menú de pausa; ocurre la semana que viene para todos.
facilitate-announced-deck = Anunciado: ocurre en la semana { $week } para todos los equipos.
facilitate-withdrawn = Retirado antes de que ningún equipo lo jugara.
facilitate-write-own = Escribe tu propio evento
facilitate-title-hint = Título, p. ej. Visita de la dirección general
facilitate-event-title = Título del evento
facilitate-what-teams-read = Lo que leen los equipos
facilitate-morale = Moral
facilitate-trust = Confianza
facilitate-alignment = Alineación
# La unidad de un control deslizante, tras su número.
facilitate-points = puntos
facilitate-unplanned-work = Trabajo imprevisto
# La unidad de un control deslizante, tras su número.
facilitate-person-weeks = semanas-persona
facilitate-announce-all = Anunciar a todos los equipos
facilitate-announced-custom = Anunciado: «{ $title }» ocurre en la semana { $week } para todos los equipos.

## Facilitar: el proyector

facilitate-discuss = Para debatir
facilitate-deck-event = Evento E{ $number }: { $title }
# «Un evento que anunció quien facilita» es el título del menú de pausa en el juego de los equipos.
facilitate-deck-event-how = Equipos: Esc para el menú, luego «Un evento que anunció quien facilita», luego E{ $number }
facilitate-custom-event = Evento: { $title }
facilitate-week-of = Semana { $week } de { $weeks }
facilitate-time-up = se acabó el tiempo
facilitate-pause = Pausa
facilitate-start = Empezar
facilitate-more-time = +{ $seconds } s
facilitate-more-time-hint = Da a todos los equipos más tiempo en esta semana
facilitate-best-band = Mejor franja: { $low }–{ $high }% de la semana en el bosque (lo mejor, { $best }%)
facilitate-finding-band = Buscando la mejor franja…
facilitate-reveal-band = Revelar la mejor franja
facilitate-no-team = Aún no se ha unido ningún equipo.
facilitate-team = Equipo
facilitate-link = Conexión
facilitate-weeks-played = Semanas jugadas
facilitate-delivery = Entrega
facilitate-connected = conectado
facilitate-away-seat-free = ausente, puesto libre
facilitate-away = ausente
facilitate-free-seat = liberar el puesto
facilitate-free-seat-hint = Deja que otra máquina ocupe el puesto y las semanas de este equipo
facilitate-played = { $played } de { $weeks }
facilitate-refused = rechazada: { $reason }
