title = Cambio de rumbo
briefing =
    Asumes la dirección de un departamento de preparación y envío de pedidos, con tres equipos,
    después de que despidieran a su responsable. Dos personas dimitieron el mes pasado, la
    confianza es baja y la moral, más aún, y el mayor cliente está decidiendo si renueva. Las
    primeras semanas solo traen los pedidos habituales; el pedido piloto del cliente llega en la
    semana 5 y su gran pedido en la semana 8, con entrega en la semana 10. Reconstruye antes de
    presionar.

goal-renewal = El gran cliente renueva
goal-orders = Los pedidos salen bien a la primera

work-1 = Pedidos diarios
work-2 = Pedido piloto para el cliente
work-3 = El gran pedido del cliente
work-4 = Dosier para la revisión de la renovación

event-exit-interviews = Lees las entrevistas de salida
    .text = «Nadie nos contaba nada hasta que era demasiado tarde.»
event-rumour = Corre el rumor de que el departamento se va a externalizar
    .text = La gente actualiza su currículum.
event-old-boss = El antiguo responsable llama a Henrik
    .text = Le ofrece a Henrik un puesto en su nueva empresa.
event-client-visit = El cliente visita el almacén
    .text = Su director de operaciones recorre la planta; pasas medio día a su lado.
event-small-win = Una semana sin un solo envío erróneo
    .text = La primera en un año; Amina lo escribe en la pizarra.
event-system-outage = Se cae el sistema del almacén
    .text = Los pedidos se acumulan durante un día.
event-peak = Los pedidos se disparan antes de un festivo
    .text = El doble de volumen durante una semana.
event-hr-survey = Recursos Humanos hace una encuesta de compromiso
    .text = Los resultados llegarán a tu directora.
event-whistle = Alguien del equipo destapa trabajo pendiente oculto
    .text = Doscientas devoluciones nunca se procesaron.

dilemma-first-meeting = Tu primera reunión con todo el departamento
    .text = Todos esperan un discurso sobre objetivos. Henrik te advierte de que la gente dejó de creer en los discursos.
choice-first-meeting-targets = Exponer los objetivos y el plazo del cliente
    .hint = todos saben lo que está en juego; nadie confía en ti todavía
choice-first-meeting-listen = Escuchar primero: reuniones individuales con cada líder y cada equipo
    .hint = horas tuyas durante dos semanas; la gente empieza a hablar
choice-first-meeting-amnesty = Pedir que salga a la luz todo problema oculto, sin culpables
    .hint = afloran las malas noticias; también la confianza

dilemma-blame = ¿Quién causó el fallo en el pedido del cliente?
    .text = El pedido piloto salió con errores. Tu directora te pide un nombre.
choice-blame-name = Señalarle al equipo de Birgit
    .hint = la directora queda satisfecha; el equipo de Birgit aprende cómo eres
choice-blame-own-it = Asumir tú la culpa y arreglar el proceso
    .hint = horas tuyas en el proceso; los equipos lo ven

dilemma-quick-fix = ¿Horas extra para el gran pedido?
    .text = El gran pedido vence en la semana 10. Pavel dice que los equipos harían horas extra a cambio de una prima; Henrik dice que esa promesa ya la han oído antes.
choice-quick-fix-bonus = Prometer una prima por las horas extra
    .hint = el trabajo avanza ya; el cansancio dura semanas
choice-quick-fix-plan = Sin horas extra: replanificar el pedido con los líderes
    .hint = horas tuyas con los líderes; nada extra
choice-quick-fix-ask-client = Pedirle una semana al cliente
    .hint = honesto; puede que el cliente lo recuerde

learning-goal-1 = Un equipo que no confía en ti no entregará por ti: en una organización heredada, el bosque va primero.
learning-goal-2 = La confianza se reconstruye con lo que haces cuando las cosas van mal, más que con lo que dices.
learning-goal-3 = Una vez recuperada la confianza, el gran pedido necesita los árboles: el cambio de rumbo es un cambio de equilibrio, no un equilibrio fijo.

discussion-1 = ¿Qué hiciste en las tres primeras semanas, y qué diría el equipo que hiciste?
discussion-2 = Cuando el piloto salió mal, ¿qué le enseñó tu decisión al departamento?
discussion-3 = ¿Cuándo te desplazaste hacia los árboles, y cómo supiste que el equipo estaba listo?
