title = La primera semana
briefing =
    Supervisas a cinco personas en un equipo de ingeniería de soporte al cliente. Cada semana
    llegan incidencias; un portal de autoservicio se diseña en las semanas 3–4, se desarrolla
    en las semanas 6–8 y se lanza en las semanas 9–10. Tu gente es capaz pero tiene poca
    experiencia: necesita tareas claras y saber por qué importa el portal. Las primeras semanas
    son tranquilas, un buen momento para aprender qué hace cada mitad de tu semana.

goal-service = Los clientes reciben respuesta en menos de un día
goal-portal = Los clientes pueden arreglárselas por su cuenta

work-1 = Incidencias de soporte
work-2 = Portal: diseño
work-3 = Portal: desarrollo
work-4 = Portal: lanzamiento

event-outage = La caída de un socio inunda la cola
    .text = El sistema de un socio se cayó; las incidencias se duplican durante una semana.
event-praise = Un cliente escribe para dar las gracias al equipo
    .text = Un cliente de muchos años elogia a Aiko por su nombre.
event-audit = Se anuncia una auditoría de calidad
    .text = La sede central auditará la calidad de las incidencias el mes que viene.
event-sick = Circula la gripe
    .text = Dos personas faltan parte de la semana; su trabajo espera.
event-visit = Tu directora se pasa a verte
    .text = Te pregunta cómo se relaciona el portal con el objetivo de servicio.
event-new-tool = Se implanta una nueva herramienta de incidencias
    .text = La sede central cambia de herramienta; todo el mundo vuelve a aprender lo básico.
event-forum = Los clientes abren un foro de usuarios
    .text = Los clientes responden a las preguntas de los demás; algunas respuestas son erróneas.
event-team-lunch = El equipo sale a comer
    .text = Lo organizó Kwame; se habla de algo más que de incidencias.
event-question = Lena pregunta por qué importa el portal
    .text = «¿No nos va a quitar el trabajo?»

dilemma-portal-lead = ¿Quién dirige el portal?
    .text = El portal necesita un responsable. Priya lo haría bien y rápido; Lena quiere aprender.
choice-portal-lead-priya = Dárselo a Priya
    .hint = seguro y rápido, con algunas horas extra de Priya; Lena espera otra oportunidad
choice-portal-lead-pair = Emparejar a Lena con Priya
    .hint = más lento al principio; dos personas conocen el portal
choice-portal-lead-you = Diseñarlo tú esta semana
    .hint = tus horas van al diseño; el equipo mira, y tendrá que hacerse cargo más adelante

dilemma-overtime = El portal va con retraso
    .text = El desarrollo del portal se retrasa. Kwame se ofrece a trabajar el fin de semana; Lena parece agotada.
choice-overtime-ask = Pedir a todo el equipo un fin de semana
    .hint = el trabajo avanza ya; el estrés sube y el cansancio dura semanas
choice-overtime-rescope = Recortar el alcance con la directora
    .hint = una semana más para el trabajo; horas tuyas con la directora
choice-overtime-hold = Mantener la postura y explicar por qué
    .hint = nada cambia por ahora; el equipo ve que lo proteges

dilemma-shortcut = Un atajo en la auditoría
    .text = Tomás propone cerrar incidencias antiguas sin responderlas antes de la auditoría.
choice-shortcut-refuse = Negarse y explicar por qué
    .hint = la confianza y los valores se mantienen; el trabajo pendiente sigue ahí
choice-shortcut-allow = Permitirlo solo esta vez
    .hint = el trabajo pendiente se reduce sobre el papel; las incidencias sin respuesta vuelven, y la gente lo recuerda
choice-shortcut-invite = Invitar a la directora a ver el trabajo pendiente real
    .hint = viene de visita; la honestidad cuesta unas horas

learning-goal-1 = Quien supervisa en primera línea dedica su semana sobre todo a los árboles: tareas claras, seguimiento y revisiones mantienen a tiempo las incidencias y el portal.
learning-goal-2 = El bosque sigue importando en primera línea: sin el porqué, la alineación, la moral y el avance de los objetivos se van perdiendo.
learning-goal-3 = Las semanas tranquilas son para el bosque; las de máxima presión, para los árboles.
learning-goal-4 = El trabajo nuevo se desglosa la semana en que llega: planificarlo una semana después no deshace sus arranques en falso.

discussion-1 = En la semana que dedicaste entera al bosque, ¿qué se resintió primero y cuánto tardó en notarse?
discussion-2 = En la semana que dedicaste entera a los árboles, ¿quién lo notó y qué cifra se movió?
discussion-3 = ¿Hacia dónde moviste tu reparto cuando llegó el desarrollo del portal, y qué te indicó que lo hicieras?

tutorial-1 = Prueba una semana toda en el bosque
    .text = Tu plan reparte 40 horas entre el bosque (visión, prioridades, cultura, confianza, desarrollo de las personas, desatascos entre equipos) y los árboles (planificación, asignación, seguimiento, revisión, mejora de procesos, hacer tú el trabajo). Para ver qué hacen los árboles por ti, dedica esta semana tranquila entera al bosque, pulsa «Terminar semana» y observa «A tiempo» y «Calidad».
tutorial-2 = Ahora una semana toda en los árboles
    .text = Si la semana pasada fue toda bosque, la calidad bajó un poco sin nadie que revisara, y «A tiempo» apenas se movió: las incidencias de una semana tranquila necesitan poca planificación, y los árboles importan más cuando el trabajo se acumula. Ahora prueba lo contrario: una semana entera en los árboles. Observa la alineación y la moral, y haz clic en un indicador para ver por qué se movió.
tutorial-3 = Elige tu propio reparto
    .text = Ningún extremo funciona. Elige tu propio reparto con los controles deslizantes, los repartos rápidos («Todo árboles», «Equilibrado», «Todo bosque») o la rueda del ratón sobre el equipo: en primera línea, la mayor parte de tu semana va a los árboles, pero no toda. El diseño del portal llega en la semana 3, y un entregable se desglosa la semana en que llega: dedica esa semana a planificar y asignar, o parte de él se irá en arranques en falso (el registro dice cuánto). Aléjate (rueda o Z) para ver los objetivos y hasta dónde ha llegado la visión; acércate para ver el trabajo de cada persona.
tutorial-4 = Llega un momento de máxima presión
    .text = El desarrollo del portal llega en la semana 6 con fecha en la semana 8: desglósalo en la semana 6. Los avisos, junto al registro, te dicen cuándo hay trabajo en riesgo: es el momento de inclinarte hacia los árboles, y de volver al bosque en cuanto se entregue.
