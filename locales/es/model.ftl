# Las palabras del modelo: nombres de causas, actividades, roles y dificultades, y el
# nivel de la zona libre. El modelo y los archivos que escribe guardan el inglés; el
# juego muestra cada texto con `i18n::text`, que lo encuentra aquí por su id: `model-` y
# sus palabras en inglés, en minúsculas, unidas por guiones.

## Causas de las fechas y de la calidad

# Se muestran tras «A tiempo: » y «Calidad: » con la primera letra en minúscula.
model-settling-toward-recent-weeks = Ajuste hacia las últimas semanas
model-capacity-against-this-week-s-work = Capacidad frente al trabajo de esta semana
model-false-starts-deliverables-nobody-broke-down-when-they-landed = Arranques en falso: entregables que nadie desglosó al llegar
model-requests-from-above-you-negotiated-away = Peticiones de arriba que negociaste y descartaste
model-late-work-from-earlier-weeks = Trabajo atrasado de semanas anteriores
model-empty-seats = Puestos vacantes
model-low-morale = Moral baja
model-exhaustion = Agotamiento
model-fatigue-from-overtime = Cansancio por horas extra
model-unclear-tasks-too-little-planning-and-assigning = Tareas poco claras: muy poca planificación y asignación
model-blocked-between-teams = Bloqueos entre equipos
model-waiting-for-your-decisions = Esperas por tus decisiones
model-rework-of-defects = Retrabajo por defectos
model-learning-what-you-built-alone = Aprender lo que hiciste por tu cuenta
model-your-own-work = Tu propio trabajo
model-extra-hours-and-skipped-checks = Horas extra y controles omitidos
model-effort-on-the-wrong-items-work-not-yet-due = Esfuerzo en las tareas equivocadas: trabajo que aún no vence
model-spare-effort-went-to-later-work = El esfuerzo sobrante fue a trabajo posterior
model-everyday-defects = Defectos habituales
model-details-neglected-unclear-tasks = Detalles descuidados: tareas poco claras
model-tired-people-make-mistakes = Quien está cansado comete errores
model-skill = Habilidad
model-processes = Procesos
model-reviews-caught-defects = Las revisiones detectaron defectos
model-defects-from-skipped-checks-surfaced = Afloraron defectos de controles omitidos
model-none-left-to-spoil-all-of-the-week-s-work-was-faulty = Nada más que estropear: todo el trabajo de la semana salió defectuoso

## Causas de la moral, la confianza, la alineación y el estrés

model-settling-toward-neutral = Ajuste hacia el punto neutro
model-meaning-work-tied-to-the-vision = Sentido: trabajo ligado a la visión
model-culture-and-values = Cultura y valores
model-trust-in-leadership = Confianza en el liderazgo
model-clear-tasks = Tareas claras
model-growth-and-development = Crecimiento y desarrollo
model-micromanagement = Microgestión
model-stress = Estrés
model-fatigue-overtime-not-yet-recovered = Cansancio: horas extra aún sin recuperar
model-boss-takes-over-the-work = Acaparas el trabajo del equipo
model-one-to-ones = Reuniones uno a uno
model-the-vision-they-hear = La visión que escuchan
model-clear-directions = Indicaciones claras
model-say-do-gap-vision-told-while-delivery-slips = Decir y no hacer: se cuenta la visión mientras fallan las entregas
model-remembered-breaches = Agravios que se recuerdan
model-decisions-left-waiting-on-you = Decisiones que esperan por ti
model-fading-where-no-vision-reaches = Se desvanece donde no llega la visión
model-settling-toward-calm = Ajuste hacia la calma
model-work-due-against-what-the-team-can-make = Trabajo que vence frente a lo que el equipo puede hacer
model-late-work-re-planned-what-waits-is-agreed = Trabajo atrasado replanificado: se acuerda qué espera
model-unclear-tasks = Tareas poco claras
model-work-blocked-between-teams = Trabajo bloqueado entre equipos
model-people-leaving-and-joining = Bajas e incorporaciones

## Causas de la confianza de arriba y de los objetivos

model-events-and-choices-this-week = Eventos y decisiones de esta semana
model-dates-they-see-kept = Fechas que ven cumplidas
model-goals-on-pace = Objetivos al ritmo previsto
model-doubts-they-remember = Dudas que recuerdan
model-settling = Ajuste
model-work-done-on-the-goals = Trabajo hecho en los objetivos
model-work-not-aligned-with-the-goals = Trabajo no alineado con los objetivos
model-faulty-work-moves-no-goal = El trabajo defectuoso no mueve ningún objetivo
model-false-starts-move-no-goal = Los arranques en falso no mueven ningún objetivo
model-past-a-goal-already-reached = Más allá de un objetivo ya alcanzado

## Horas que se quitan a la semana

# La parte de la semana que quita la dificultad.
model-difficulty = Dificultad

## Actividades: nombres, y lo que hace cada una (se muestra tras el nombre, en minúscula)

model-share-the-vision = Compartir la visión
model-set-priorities = Fijar prioridades
model-shape-culture-and-values = Cultivar cultura y valores
model-build-trust-one-to-ones = Crear confianza (uno a uno)
model-develop-people = Desarrollar a las personas
model-resolve-cross-team-complexity = Desatascar entre equipos
model-plan-and-break-down-work = Planificar y desglosar el trabajo
model-assign-and-delegate = Asignar y delegar
model-follow-up-hold-to-account = Seguimiento y rendir cuentas
model-review-details-and-quality = Revisar detalles y calidad
model-fix-processes = Mejorar los procesos
model-do-the-work-yourself = Hacer tú el trabajo
model-raises-alignment-reaches-deeper-layers-through-your-managers = sube la alineación; llega a los niveles de más abajo a través de tus mandos
model-points-effort-at-the-goals-says-what-waits-of-late-work-and-of-requests-from-above = dirige el esfuerzo a los objetivos; dice qué espera, del trabajo atrasado y de las peticiones de arriba
model-lifts-morale-and-trust-across-the-organisation = sube la moral y la confianza en toda la organización
model-raises-your-direct-reports-trust-so-your-message-lands = sube la confianza de tus colaboradores directos, así tu mensaje cala
model-grows-skill-and-autonomy-over-the-weeks = hace crecer la habilidad y la autonomía con las semanas
model-unblocks-work-stuck-between-teams-most-around-milestones-lowers-stress = desbloquea el trabajo atascado entre equipos, sobre todo cerca de los hitos; baja el estrés
model-gives-tasks-clarity-so-less-effort-is-wasted-takes-the-decisions-only-you-can-make-re-plans-late-work = da claridad a las tareas, así se pierde menos esfuerzo; toma las decisiones que solo tú puedes tomar; replanifica el trabajo atrasado
model-gives-tasks-clarity-and-owners-grows-ownership-in-those-skilled-enough = da a las tareas claridad y responsables; hace crecer la responsabilidad en quienes tienen habilidad para asumirla
model-keeps-dates-and-takes-pending-decisions-too-much-feels-like-micromanagement = mantiene las fechas y toma las decisiones pendientes; en exceso se vive como microgestión
model-catches-defects-before-they-escape-too-much-is-control = detecta defectos antes de que se escapen; en exceso es control
model-lowers-the-defect-rate-for-good-slowly = baja la tasa de defectos para siempre, despacio
model-puts-out-an-incident-fastest-as-a-habit-it-costs-the-team-its-ownership = apaga un incidente más rápido que nadie; como hábito, le quita al equipo la responsabilidad sobre su trabajo

## Roles, y a quién responde quien juega (dentro de frases, en minúscula)

model-frontline-supervisor = Supervisor de primera línea
model-promoted-expert = Experto ascendido
model-middle-manager = Mando intermedio
model-executive = Directivo
model-your-manager = tu responsable
model-your-director = tu director
model-the-board = el consejo

## Dificultades, y lo que se dice de cada una (tras el nombre y dos puntos)

model-easy = Fácil
model-normal = Normal
model-hard = Difícil
model-10-more-hours-steadier-weeks-milder-events-each-plan-and-each-choice-shows-its-likely-effect-before-you-commit = un 10% más de horas, semanas más estables, eventos más suaves; cada plan y cada decisión muestran su efecto probable antes de que te comprometas
model-the-level-as-written-choices-show-a-hint-the-plan-a-preview-of-the-week = el nivel tal como está escrito: las decisiones muestran una pista; el plan, un avance de la semana
model-10-fewer-hours-noisier-weeks-harsher-events-effects-stay-hidden-until-the-week-is-played = un 10% menos de horas, semanas más irregulares, eventos más duros; los efectos quedan ocultos hasta que se juega la semana

## El nivel de la zona libre (crates/sim/src/sandbox.rs): no tiene archivo de nivel al lado del que traducir

model-a-team-with-no-story-steady-weekly-work-and-a-project-in-three-milestones-with-the-events-and-dilemmas-any-team-meets-try-a-balance-then-another = Un equipo sin historia: trabajo semanal constante y un proyecto en tres hitos, con los eventos y dilemas que encuentra cualquier equipo. Prueba un reparto y luego otro.
model-find-the-balance-that-fits-this-role-then-see-how-it-moves-when-the-project-lands = Encuentra el reparto que encaja con este rol y luego mira cómo cambia cuando llega el proyecto.
model-the-everyday-work-gets-done = El trabajo del día a día sale adelante
model-the-project-ships = El proyecto se entrega
model-everyday-work = Trabajo del día a día
model-a-system-outage = Una caída del sistema
model-work-piles-up-for-a-day = El trabajo se acumula durante un día.
model-a-customer-says-thank-you = Un cliente da las gracias
model-the-team-reads-it-aloud = El equipo lo lee en voz alta.
model-a-request-from-above = Una petición de arriba
model-a-report-nobody-planned-for = Un informe que nadie había previsto.
model-the-scope-grows = El alcance crece
model-the-project-gains-a-feature = El proyecto gana una funcionalidad.
model-rumours-of-change = Rumores de cambios
model-people-wonder-what-is-coming = La gente se pregunta qué se avecina.
model-illness-goes-round = Circula una enfermedad
model-some-people-are-off-for-days = Algunas personas faltan varios días.
model-the-strategy-shifts = La estrategia cambia
model-the-goals-are-reworded-from-above = Desde arriba reformulan los objetivos.
model-a-key-person-resigns = Una persona clave dimite
model-a-rival-made-an-offer = La competencia le hizo una oferta.
model-behind-on-the-milestone = Retraso en el hito
model-the-milestone-is-slipping-the-team-could-work-the-weekend = El hito se retrasa. El equipo podría trabajar el fin de semana.
model-ask-for-a-weekend = Pedir un fin de semana
model-the-work-moves-stress-rises = el trabajo avanza; sube el estrés
model-protect-the-weekend = Proteger el fin de semana
model-nothing-extra-the-team-notices = nada extra; el equipo lo nota
model-a-shortcut = Un atajo
model-skipping-the-checks-would-save-days = Saltarse los controles ahorraría días.
model-take-it = Tomarlo
model-time-saved-now-defects-nobody-checked-surface-in-the-weeks-after = tiempo ganado ahora; los defectos que nadie revisó afloran en las semanas siguientes
model-keep-the-checks = Mantener los controles
model-no-time-saved-values-hold = no se gana tiempo; los valores se mantienen
model-who-presents-the-results = ¿Quién presenta los resultados?
model-your-director-wants-a-demo = Tu director quiere una demostración.
model-present-it-yourself = Presentarlo tú
model-visibility-for-you = visibilidad para ti
model-let-the-team-present = Que presente el equipo
model-they-grow-an-hour-of-your-coaching = crecen; una hora de tu acompañamiento

## Textos que el modelo compone con otros textos. Cada argumento se muestra a su vez con `i18n::text`.

# $title: el título de un evento, del nivel o de quien facilita.
model-pattern-event = Evento: { $title }
# $label: una opción de un dilema, del nivel.
model-pattern-choice = Decisión: { $label }
# $cause: una causa de las fechas (arriba), con la primera letra en minúscula.
model-pattern-on-time = A tiempo: { $cause }
# $cause: una causa de la calidad (arriba), con la primera letra en minúscula.
model-pattern-quality = Calidad: { $cause }
# $cause: una causa de la moral, como se muestra sola.
model-pattern-morale = Moral: { $cause }
# $cause: una causa de las fechas o la calidad, como se muestra sola.
model-pattern-delivery = Entrega: { $cause }
# La parte de una semana de un flujo de trabajo. $title: el título del flujo; $week: un número.
model-pattern-week = { $title } (semana { $week })
# Horas que se van cuando baja la confianza de arriba. $above: a quién responde quien juega (arriba).
model-pattern-status-reports = Informes de estado para { $above }
# El título del nivel de la zona libre. $role: un rol (arriba).
model-pattern-sandbox = Zona libre: { $role }
# Un entregable del nivel de la zona libre. $n: 1, 2 o 3.
model-pattern-milestone = Hito { $n } del proyecto
# Los indicadores finales en una línea. Cada argumento es un número entero; $retention, un porcentaje con su signo (99.5%).
model-pattern-summary = a tiempo { $on_time }% · calidad { $quality }% · objetivos { $goals }% · moral { $morale }% · confianza { $trust }% · alineación { $alignment }% · retención { $retention }
