# Paneles de la pantalla de juego y otras: plan, equipo, indicadores, causas, gráficas,
# registro, dilemas, tarjetas de la guía.

## Indicadores (hud.rs): nombres como los muestra el panel, y nombres cortos para leyendas y listas.

metric-morale = Moral
metric-trust = Confianza
metric-alignment = Alineación
metric-on-time = A tiempo
metric-quality = Calidad
metric-delivery = Entrega
metric-goals = Avance de objetivos
metric-stress = Estrés
metric-confidence = Confianza de arriba
metric-short-morale = moral
metric-short-trust = confianza
metric-short-alignment = alineación
metric-short-on-time = a tiempo
metric-short-quality = calidad
metric-short-delivery = entrega
metric-short-goals = objetivos
metric-short-stress = estrés
metric-short-confidence = confianza de arriba

## El panel de indicadores (hud.rs)

hud-your-team = Tu equipo
hud-why = ¿por qué?
# $metric: el nombre de un indicador en minúsculas.
hud-why-hover = Qué ha movido este indicador ({ $metric }) esta semana y antes
hud-team-size = { $people ->
        [one] { $people } persona
       *[other] { $people } personas
    } · { $left ->
        [one] { $left } baja
       *[other] { $left } bajas
    } · retención { $retention }

## Por qué se movió un indicador (causes.rs). $metric: el nombre del indicador en
## minúsculas; $points: un número con signo como +1.5.

causes-nothing-yet = Aún no ha pasado nada: termina la primera semana para ver qué mueve a tu equipo.
causes-this-week = Semana { $week }, { $metric }: { $points } puntos
causes-over-run = En { $weeks ->
        [one] { $weeks } semana
       *[other] { $weeks } semanas
    }, { $metric }: { $points } puntos. Lo que pasó, en puntos (sin el ajuste semanal ni las cuentas de capacidad):

## Gráficas (charts.rs)

chart-week = semana

## Una tarjeta de decisión (dilemma.rs)

dilemma-kicker = Una decisión
dilemma-likely = Probable: { $hint }
dilemma-the-default-note = la opción por defecto: los cambios probables de las demás se comparan con esta
dilemma-the-default = la opción por defecto
dilemma-against = esta semana, frente a «{ $choice }»:
dilemma-hidden = Difícil: lo que hace cada opción queda oculto hasta que se juega la semana.
# $n: cuántas opciones ofrece la tarjeta (2 o 3).
dilemma-keys = { $n ->
        [2] Pulsa 1 o 2 para elegir.
       *[other] Pulsa 1, 2 o 3 para elegir.
    }

## El registro de sucesos y los avisos (log.rs)

log-title = Registro
log-filter-all = Todo
log-filter-events = Sucesos
log-filter-choices = Decisiones
log-filter-people = Personas
log-nothing-yet = Nada todavía.
log-no-warnings = Sin avisos.
log-line = Semana { $week } · { $kind }: { $text }
log-kind-event = suceso
log-kind-choice = decisión
log-kind-kick-off = arranque
log-kind-scope = alcance
log-kind-left = baja
log-kind-joined = alta
log-scope = { $weeks } semanas-persona de peticiones de arriba descartadas tras negociar
log-left = { $name } dejó el equipo
log-joined = { $name } se unió al equipo
log-kick-off = «{ $title }»: el { $planned }% desglosado en { $hours } h de planificación: { $lost } semanas-persona de arranques en falso
log-warn-quality = La calidad seguirá bajando mientras el tiempo de revisión siga en cero
log-warn-alignment = El equipo está perdiendo de vista los objetivos: la alineación es baja
log-risk-morale = La moral de { $name } está baja ({ $value }%): un { $chance }% de probabilidad cada semana de que se vaya
log-risk-stress = El estrés de { $name } está alto ({ $value }%): un { $chance }% de probabilidad cada semana de que se vaya
log-risk-fatigue = { $name } arrastra el agotamiento de las horas extra: cansancio ({ $value }%): un { $chance }% de probabilidad cada semana de que se vaya
log-risk-more = …y { $n ->
        [one] { $n } persona más
       *[other] { $n } personas más
    } en riesgo de irse
log-late-one = «{ $title }» ya va con retraso
log-late-many = { $n } tareas ya van con retraso, p. ej. «{ $title }»
# $late: log-late-one o log-late-many; $plan, $priorities: los nombres de las actividades.
log-late-pressed = { $late }: el trabajo atrasado suma estrés hasta que lo replanifiques ({ $plan }, con { $priorities } para decidir qué espera)
log-arrives = «{ $title }» llega en la semana { $arrives } y vence en la semana { $due }: { $effort } semanas-persona
log-due = «{ $title }» vence en la semana { $due } y faltan { $effort } semanas-persona
log-break-one = Desglosa «{ $title }» esta semana: unas { $hours } h de planificación, prioridades y asignación, o hasta un { $share }% más de trabajo se irá en arranques en falso
log-break-many = Desglosa «{ $title }» y { $more } más esta semana: unas { $hours } h de planificación, prioridades y asignación, o hasta un { $share }% más de trabajo se irá en arranques en falso

## El plan de la semana (plan.rs)

plan-title = Tu atención esta semana
plan-all-trees = Todo árboles
plan-even = Equilibrado
plan-all-forest = Todo bosque
plan-share-hover = { $percent }% de las horas en la visión, repartidas por igual
plan-hours = { $used } de { $budget } h planificadas · quedan { $left } h
plan-idle = { $hours } h sin planificar: no hacen nada esta semana
# $why: lo que se llevó (o dio) las horas, del nivel o de la simulación.
plan-lost = −{ $hours } h { $why }
plan-gained = +{ $hours } h { $why }
plan-this-week = Esta semana: { $changes }
plan-forest = El bosque: visión
plan-trees = Los árboles: ejecución
plan-family = { $family } · { $hours } h
plan-slider-hover = { $effect } — como mucho { $room } h ahora
plan-likely = Probable esta semana, en puntos
plan-balance = bosque { $forest }%  ·  árboles { $trees }%

## Controles compartidos (style.rs)

style-stars = { $earned } de 3 estrellas

## El equipo (team.rs)

team-mood-good = bien
team-mood-uneasy = regular
team-mood-low = en riesgo
team-person-head = { $name } — { $mood }
team-person-skills = habilidad { $skill }% · moral { $morale }% · confianza { $trust }%
team-person-strain = alineación { $alignment }% · estrés { $stress }% · autonomía { $autonomy }%
team-person-strain-fatigue = alineación { $alignment }% · estrés { $stress }% · autonomía { $autonomy }% · cansancio { $fatigue }%
# $pushes: los mayores empujes a la moral, como "+1.2 Recognition, -0.5 Overtime".
team-person-why = moral la semana pasada: { $pushes }
team-col-person = Persona
team-col-reports-to = Responde a
team-col-mood = Ánimo
team-col-morale = Moral
team-col-trust = Confianza
team-col-stress = Estrés
team-empty-seat = un puesto vacío
team-you = tú
team-hire-in = incorporación en la semana { $week }
team-hire-arriving = incorporación en camino
team-vacant = vacante
team-work = Trabajo
team-late-since = con retraso desde la semana { $week }
team-due = vence la semana { $week }
team-arrives = llega la semana { $arrives }, vence la semana { $due }
team-work-item = { $title } · { $when } · { $done }% hecho
team-group-tooltip = { $count ->
        [one] { $count } persona
       *[other] { $count } personas
    } — { $mood } · { $at_risk } en riesgo de irse · alineación { $aligned }%
    Haz clic para abrir el equipo
team-vision-reach = Hasta dónde ha llegado la visión: alineación
team-layer-floor = la base
team-layer-direct = tus colaboradores directos
team-layer = nivel { $depth }
team-layer-hover = Alineación media de este nivel con los objetivos
team-coming = Próximamente
team-nothing-due = No vence nada más en este nivel.
team-coming-item = { $title } · { $when } · { $effort } semanas-persona
team-coming-break = { $title } · { $when } · { $effort } semanas-persona · desglósalo esta semana
team-coming-asked = { $title } · { $when } · { $effort } semanas-persona · petición de arriba

## La tarjeta de la guía (tutorial.rs)

tutorial-title = Guía
tutorial-step = Paso { $step } de { $of }
tutorial-try-forest = Pruébalo (T): todo en el bosque
tutorial-try-trees = Pruébalo (T): todo en los árboles
tutorial-try-share = Pruébalo (T): { $percent }% en el bosque
tutorial-got-it = Entendido (G)

## El equipo dibujado en el mundo (view/draw.rs): rótulos breves bajo las fichas.

view-you = Tú
view-empty-seat = puesto vacío
view-hire-in = llega en la semana { $week }
view-at-risk = { $n } en riesgo
