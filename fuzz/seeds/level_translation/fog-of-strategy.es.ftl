title = La niebla de la estrategia
briefing =
    Diriges una organización de producto de 212 personas en tres capas. El mercado se está
    desplazando hacia las suscripciones y la estrategia debe llegar a cada equipo a través de
    tus gerentes y sus líderes de equipo. La facturación de suscripciones llega en la semana 3,
    la incorporación de suscriptores en la semana 6 y el lanzamiento de precios en la semana 10.
    Los detalles que subes a tu mesa frenan a quienes están por debajo de ti; una estrategia que
    nadie por debajo entiende también los frena.

goal-subscriptions = La mitad de los ingresos viene de suscripciones
goal-core = El producto principal sigue sano

work-1 = Hoja de ruta del producto principal
work-2 = Facturación de suscripciones
work-3 = Incorporación de suscriptores
work-4 = Lanzamiento de precios

event-board = La junta pide un plan revisado
    .text = Seis horas de tu semana se van en prepararlo.
event-competitor = Un competidor lanza sus suscripciones primero
    .text = Ventas quiere adelantar el lanzamiento.
event-manager-leaves = Dimite un gerente sénior
    .text = Un rival contrató a uno de tus gerentes.
event-analyst = Un analista dice que la estrategia es confusa
    .text = El artículo circula por el chat de todos los equipos.
event-big-customer = El mayor cliente pide un plan a medida
    .text = Ventas ya le dijo que sí.
event-town-hall-win = Una líder de equipo explica la estrategia mejor que tú
    .text = Su diapositiva se reenvía por toda la empresa.
event-security = Una auditoría de seguridad encuentra carencias
    .text = Tres equipos deben parar y corregir los controles de acceso.
event-budget-cut = Finanzas recorta el presupuesto de viajes
    .text = Se cancelan las reuniones de arranque regionales.
event-market-study = La junta quiere un estudio de mercado
    .text = Diapositivas sobre cada segmento para su próxima reunión, dentro de dos semanas.
event-investor-demo = El CEO le promete una demo a un inversor
    .text = Una exhibición que nadie planificó, dentro de dos semanas.
event-reorg = Una unidad hermana se fusiona con la tuya
    .text = Caras nuevas, viejos hábitos.

dilemma-kick-off = ¿Cómo llega la estrategia a la base?
    .text = Doscientas personas necesitan oír por qué importan las suscripciones. Tus gerentes te preguntan cómo.
choice-kick-off-memo = Enviar un memorando claro firmado por ti
    .hint = rápido y barato; se lee una vez y se olvida
choice-kick-off-cascade = Informar a los gerentes y que cada líder se lo explique a su equipo
    .hint = horas tuyas y suyas; el mensaje se traduce en cada capa
choice-kick-off-roadshow = Recorrer en persona todas las sedes
    .hint = una semana tuya de viaje; se ve, pero aún no se entiende

dilemma-bad-news = Los números son peores de lo que se informó
    .text = Un gerente te muestra datos de cancelaciones de clientes que la junta no ha visto.
choice-bad-news-disclose = Decírselo a la junta ahora
    .hint = una reunión difícil; la confianza en ti crece
choice-bad-news-wait = Esperar a los números del próximo trimestre
    .hint = calma por ahora; la gente lo sabe, y lo recuerda

dilemma-star = La estrella que rompe las reglas
    .text = Tu mejor gerente cumple todos los objetivos e intimida a dos líderes de equipo.
choice-star-act = Actuar, sean cuales sean los objetivos
    .hint = los valores se mantienen; los proyectos del gerente necesitan nuevos responsables
choice-star-ignore = Mirar hacia otro lado; los números importan
    .hint = el rendimiento se mantiene; la cultura aprende, y recuerda

learning-goal-1 = En la cima, el bosque es tu palanca: una estrategia llega a doscientas personas solo a través de las capas que tienes por debajo.
learning-goal-2 = Los detalles que subes a tu mesa frenan a los gerentes que tienes por debajo y les enseñan a esperarte.
learning-goal-3 = Los árboles siguen importando en la cima, pero a través de la estructura de tus gerentes, no de tus propias revisiones.
learning-goal-4 = Un entregable que atraviesa dieciséis equipos se desglosa con los gerentes la semana en que llega, o cada equipo lo empieza a su manera.

discussion-1 = ¿Hasta dónde llegó la estrategia, y con las palabras de quién recorrió el último tramo?
discussion-2 = ¿Qué subiste a tu mesa que le correspondía a alguien por debajo de ti?
discussion-3 = Cuando el mercado cambió, ¿qué cambiaste primero: la visión o el plan?
