# Las pantallas alrededor del juego: título, niveles, informe previo, balance final,
# ajustes, cargar, comparar, zona libre y créditos.

## Ajustes

settings-title = Ajustes
settings-saved-in = Guardados en { $path }
settings-saves = Partidas: { $path }
settings-browser-storage = En este navegador, tus ajustes, tu progreso, tus partidas, tus resultados y tus propios niveles se guardan en el almacenamiento de la página, solo en este ordenador: borrar los datos del sitio los elimina. Abre tus propios archivos de nivel desde la lista de niveles; descarga los resultados desde el balance final.
settings-levels = Niveles: { $shipped } (incluidos) y { $own } (los tuyos)
settings-music = Volumen de la música
settings-effects = Volumen de los efectos
settings-scale = Escala de la interfaz
settings-scale-capped = Se muestra a { $shown }: esta ventana de { $width }x{ $height } no tiene sitio para más; una ventana o pantalla más grande muestra { $asked }
settings-window = Ventana
settings-windowed = En ventana
settings-fullscreen = Pantalla completa
settings-speed = Las semanas avanzan
settings-campaign = Campaña
settings-unlock-all = Abrir todos los niveles (para quien facilita y elige uno para la clase)
settings-results = Carpeta de resultados de la clase
settings-language = Idioma
settings-language-system = Como diga el sistema ({ $language })
settings-contrast = Contraste
settings-high-contrast = Alto contraste: blanco sobre negro, colores que distinguen quienes no ven todos los colores
settings-motion = Movimiento
settings-motion-still = Ahora: quieto. La cámara salta, los ánimos y las salidas se muestran sin moverse.
settings-motion-moving = Ahora: en movimiento. La cámara se desliza, los ánimos laten, quienes se van se alejan.
settings-time = Tiempo para las semanas continuas
settings-times = { $times }x

## Título

title-menu = Menú principal
title-game = Forest & Trees
title-tagline = Lidera el bosque. Gestiona los árboles. Cada semana, reparte tu atención entre los dos.
title-continue = Continuar: { $level } (semana { $week } de { $weeks })
title-play = Jugar un nivel
title-join = Unirse a una clase
title-facilitate = Facilitar una clase
title-load = Cargar una partida guardada
title-settings = Ajustes
title-credits = Créditos
title-quit = Salir
title-browser-class = En un navegador, te unes a una clase desde la página que sirve el juego de quien facilita (la dirección en su pantalla), y una clase se facilita desde el juego de escritorio: una página no puede escuchar en la red. Cierra la pestaña para salir; la partida de un nivel se guarda en este navegador tras cada semana.
title-class-page = Esta página viene de la computadora de quien facilita: Unirse a una clase lleva a tu equipo a su clase. Cierra la pestaña para salir; tu partida se guarda en este navegador tras cada semana.
title-class-page-continue = Esta página viene de la computadora de quien facilita: Continuar devuelve a su clase la partida de tu equipo. Cierra la pestaña para salir; tu partida se guarda en este navegador tras cada semana.

## Elegir nivel

select-campaign = Campaña
select-title = Elige un nivel
select-actions = Acciones del nivel
select-briefing = Leer el informe previo
select-sandbox = Zona libre…
select-open-file = Abrir un archivo de nivel…
select-open-failed = El navegador no abrió su selector de archivos: { $why }
select-open-not-kept = { $file } aparece por ahora, pero no se pudo guardar en este navegador: { $why }
select-levels-region = Niveles
select-chosen = Nivel elegido
select-locked = Bloqueado: consigue una estrella en «{ $previous }» para abrirlo (o abre todos los niveles en Ajustes).
select-levels = Niveles ({ $n })
select-no-levels = No hay archivos de nivel en { $folder }
select-best = mejor { $score }
select-broken-entry =
    { $file }
    no se puede cargar
select-entry =
    { $title }
    { $role }{ $source ->
        [user] { " · " }tu nivel
        [opened] { " · " }abierto
       *[shipped] { "" }
    }{ $open ->
        [no] { " · " }bloqueado
       *[yes] { "" }
    }
select-facts = { $role } · { $weeks } semanas · { $people } personas · { $hours } horas de atención a la semana
select-best-of = mejor { $score } / 100 en { $plays ->
        [one] { $plays } partida
       *[other] { $plays } partidas
    }
select-not-played = Aún sin jugar.
select-stars-at = Estrellas a { $one } · { $two } · { $three }
select-goals = Objetivos
select-teaches = Lo que enseña
select-events = Pueden tocarte { $events } eventos y { $dilemmas } dilemas.
select-file-problems = Este archivo de nivel tiene problemas:

## Informe previo

briefing-advice-frontline = Diriges a quienes hacen el trabajo. Necesitan de ti tareas claras, responsables y seguimiento, y aun así necesitan saber por qué importa.
briefing-advice-promoted-expert = Eras quien mejor hacía el trabajo. Hacerlo tú es rápido hoy; un equipo que nunca aprende te sale caro después.
briefing-advice-middle-manager = Diriges a quienes dirigen. Debes traducir la visión para cada equipo y darles la estructura justa, sin hacer su trabajo.
briefing-advice-executive = Tu trabajo llega a la base a través de capas de mandos. La visión debe viajar; los detalles que subes a tu mesa frenan a quienes están debajo.
briefing-begin-region = Empezar
briefing-begin = Empezar la semana 1
briefing-difficulty = Dificultad
briefing-difficulty-choice = { $difficulty } ({ $key })
briefing-region = Informe previo
briefing-facts = { $role } · { $weeks } semanas · { $people } personas
briefing-goals = Objetivos
briefing-teaches = Lo que enseña este nivel
briefing-how-heading = Cómo funciona una semana
briefing-how = Tienes { $hours } horas de atención a la semana. Repártelas entre seis actividades de visión (el bosque) y seis de ejecución (los árboles), y termina la semana. Cada indicador muestra por qué cambió: haz clic en él.
briefing-difficulty-described = { $difficulty }: { $description }.
briefing-stars = Estrellas: una a { $one }, dos a { $two }, tres a { $three } de 100.
briefing-tutorial = Este nivel te guía paso a paso: sigue las tarjetas de la pantalla de juego.

## Balance final

debrief-result-not-written = No se pudo escribir el resultado en { $folder }: { $why }
debrief-report-not-written = No se pudo escribir el informe junto a { $file }: { $why }
debrief-what-next = Y ahora
debrief-your-score = Tu puntuación
debrief-discuss = Para comentar
debrief-week-by-week = Semana a semana
debrief-again = Jugar este nivel otra vez
debrief-another = Elegir otro nivel
debrief-title-screen = Título
debrief-heading = { $level }: balance final
debrief-score = { $score } / 100
debrief-new-best = ¡Nuevo récord!
debrief-next-star = { $short } puntos más para la siguiente estrella (a { $next }).
debrief-helped = Lo que más ayudó
debrief-cost = Lo que más costó
debrief-cause = { $points } puntos  { $cause }
debrief-shortcuts = Atajos que tomaste
debrief-shortcut = Semana { $week }: { $shortcut }
debrief-shortcuts-hint = El nivel marca estas decisiones como atajos. Vuelve a jugarlo sin ellos para ver qué te ahorraron y qué te costaron.
debrief-what-if = ¿Y si…?
debrief-what-if-hint = Vuelve a jugar desde una semana con otro reparto, la misma suerte y las mismas decisiones.
debrief-from-week = desde la semana
debrief-on-vision = en visión
debrief-play-it-out = Simularlo
debrief-what-if-result = Desde la semana { $week } con un { $share }% en visión: { $score } / 100, { $change } puntos frente a tus { $yours }
debrief-result-file = Archivo de resultado
debrief-saved = Guardado para quien facilita: { $path }
debrief-saved-with-report = Guardado para quien facilita: { $path } (al lado hay un informe para imprimir, .html)
debrief-save-result = Guardar un archivo de resultado (JSON y CSV)
debrief-kept-in-browser = Guardado en este navegador. Descarga los archivos para quien facilita:
debrief-download-json = Descargar el resultado (.json)
debrief-download-csv = Descargar la tabla (.csv)
debrief-download-report = Descargar el informe imprimible (.html)
debrief-download-failed = La descarga no empezó: { $why }
debrief-download-desktop = el juego de escritorio escribe los archivos en la carpeta de resultados
debrief-team-curves = Tu equipo, semana a semana (discontinua: el «y si»)
debrief-split-band = Tu reparto en visión cada semana, frente a la mejor franja del nivel ({ $low }–{ $high }%, la mejor { $best }%)
debrief-split-finding = Tu reparto en visión cada semana (buscando la mejor franja del nivel…)
debrief-plot-band = mejor franja
debrief-plot-best = mejor reparto constante
debrief-plot-split = tu reparto en visión

## Cargar

load-slot-finished = { $level }: una partida terminada; vuelve a jugar el nivel desde el principio
load-slot-changed = { $level } ha cambiado desde esta partida guardada
load-slot-not-installed = el nivel «{ $level }» no está instalado
load-slot-damaged = dañada
load-not-installed = { $file }: el nivel «{ $level }» no está instalado
load-cannot-resume = { $file }: { $why }
load-slot-summary = { $level } · tras la semana { $week } de { $weeks }
load-region = Partidas guardadas
load-title = Cargar una partida guardada
load-from = Desde { $folder }
load-no-saves = Aún no hay partidas guardadas. Cada semana de un nivel se guarda mientras juegas; «Guardar una copia» en el menú de pausa guarda más.
load-load = Cargar
load-try = Intentar
load-try-hint = Intenta cargarla; si está dañada, se aparta
load-cannot-load = no se puede cargar: { $why }
load-finished = { $file }: esta partida ha terminado; vuelve a jugar el nivel desde el principio

## Créditos

credits-title = Créditos

## Zona libre

sandbox-actions = Acciones de la zona libre
sandbox-play = Jugar en la zona libre
sandbox-level = Nivel de la zona libre
sandbox-title = Zona libre
sandbox-intro = Un nivel sin historia, hecho con lo que elijas. Las partidas aquí no se guardan ni puntúan.
sandbox-facts = { $role } · { $people } personas en { $layers ->
        [one] { $layers } nivel jerárquico
       *[other] { $layers } niveles jerárquicos
    } · { $weeks } semanas · { $hours } horas a la semana
sandbox-role = Tu rol
sandbox-people = Personas a tu cargo
sandbox-weeks = Semanas
sandbox-seed = Semilla
sandbox-difficulty = Dificultad

## Comparar

compare-folder-region = Carpeta de resultados de la clase
compare-title = Comparar la clase
compare-folder = Carpeta de resultados
compare-read-again = Volver a leer
compare-actions = Acciones de comparar
compare-table = Tabla de la clase
compare-no-results = Aún no hay archivos de resultado en esta carpeta.
compare-heading = { $code } — { $level } — { $n ->
        [one] { $n } equipo
       *[other] { $n } equipos
    }
compare-rank = puesto
compare-team = equipo
compare-score = puntuación
compare-stars = estrellas
compare-verified = verificado
compare-verified-yes = sí
compare-verified-no = NO: { $why }
compare-verified-cannot = imposible: { $why }
compare-split = La parte de la semana que cada equipo dedicó al bosque
compare-top-bottom = Primero frente a último
compare-difference = { $metric }: { $points } puntos
compare-discuss = Para comentar
compare-apart = Aparte:
compare-apart-class = { $code }: { $n ->
        [one] { $n } archivo
       *[other] { $n } archivos
    }

## Unirse a una clase

join-no-team = escribe el nombre de tu equipo
join-no-answer = Ninguna computadora de esta red respondió por esta clase: escribe la dirección que muestra el proyector.
join-cannot-search = No se puede buscar en esta red: { $why }
join-found = Clase encontrada en { $address }.
join-title = Unirse a una clase
join-intro = Escribe el código que te da quien facilita. Todos los equipos con el mismo código juegan la misma partida: las mismas personas, eventos y decisiones, semana a semana.
join-code = Código de la clase
join-team = Nombre del equipo
join-host = Computadora de quien facilita
join-host-hint = Solo en clase por red local, p. ej. 192.168.1.20
join-looking = Buscando...
join-find = Buscar en esta red
join-find-hint = Pregunta a las computadoras de esta red cuál aloja este código de clase
join-from-page = Esta página vino de la computadora de quien facilita: tu juego se une a la clase allí.
join-level = { $level } · { $role } · { $difficulty }
join-lan = Te une a la clase alojada en { $address }: su reloj y sus eventos llegan a tu partida.
join-offline = Sin conexión: tu archivo de resultado se recoge al final.
join-join = Unirse a la clase
join-begin = Empezar la semana 1
join-type-team = Escribe el nombre de tu equipo para empezar.

## The window's title (the browser tab's in a page)
window-title = Forest & Trees{ $screen ->
    [level-select] {" — "}Elige un nivel
    [briefing] {" — "}Informe previo
    [debrief] {" — "}Balance
    [settings] {" — "}Ajustes
    [credits] {" — "}Créditos
    [load] {" — "}Partidas guardadas
    [sandbox] {" — "}Zona libre
    [join] {" — "}Unirse a una clase
    [facilitate] {" — "}Facilitar una clase
    [compare] {" — "}Comparar resultados
   *[title] {""}
}
window-title-play = Forest & Trees — { $level }, semana { $week } de { $weeks }
