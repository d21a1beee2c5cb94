# Las teclas a las que responde el juego (app/keys.rs): el nombre de cada tecla y lo que
# hace, como los muestran la ventana de teclas y la línea de ayuda de cada pantalla
# («Enter: jugar · Esc: salir»).

## Nombres de teclas. Una letra o un número se muestra tal cual, igual en todos los idiomas.

keys-name-esc = Esc
keys-name-enter = Enter
keys-name-up = Arriba
keys-name-down = Abajo
keys-name-left = Izquierda
keys-name-right = Derecha
keys-name-space = Espacio
keys-name-tab = Tab
keys-name-backspace = Retroceso
keys-name-wheel = Rueda del ratón
keys-name-help = ? o F1

## Lo que hace una tecla, tras su nombre y dos puntos.

keys-move-focus = siguiente botón o campo (Mayús+Tab: atrás)
keys-back = volver
keys-continue = continuar
keys-play = jugar
keys-join-class = unirse a una clase
keys-facilitate = facilitar
keys-load = cargar
keys-settings = ajustes
keys-quit = salir
keys-previous-level = nivel anterior
keys-next-level = nivel siguiente
keys-briefing = informe previo
keys-sandbox = zona libre
keys-begin = empezar
keys-difficulty = dificultad
keys-choose-activity = elegir una actividad
keys-hour-less = una hora menos (Mayús: cuatro)
keys-hour-more = una hora más (Mayús: cuatro)
keys-end-week = terminar la semana
keys-keep-plan = repetir el plan de la semana pasada
keys-charts = gráficas de todos los indicadores
keys-clock = iniciar o parar el reloj (modo continuo)
keys-switch-view = cambiar entre los árboles y el bosque
keys-next-team = organizaciones grandes: abrir el equipo siguiente
keys-into-team = entrar en el equipo abierto
keys-up-level = subir un nivel
keys-zoom = acercarse a los árboles o alejarse al bosque; el plan lo sigue
keys-answer = responder a una tarjeta de decisión
keys-got-it = tarjeta de la guía: entendido
keys-try-it = tarjeta de la guía: probar el reparto que propone
keys-menu = menú, o cerrar una ventana
keys-help = esta ayuda
keys-people = el equipo en lista: cada persona y cómo está
keys-again = jugar este nivel otra vez
keys-title = título
keys-start-pause = iniciar/pausar
keys-next-week = semana siguiente
keys-reveal-band = revelar la mejor franja
keys-questions = preguntas
keys-compare = comparar
keys-more-time = 30 segundos más esta semana
keys-reload = volver a leer la carpeta
keys-join = unirse
