title = A contrarreloj
briefing =
    Supervisas a seis técnicos que equipan el ala nueva de un hospital. El ala abre al final
    de la semana 7, pase lo que pase: la fecha la fija la autoridad sanitaria. El cableado vence
    en la semana 3; el equipamiento de las salas llega en la semana 5 y la inspección de apertura
    en la semana 6; después de la apertura vienen la lista de repasos y el traspaso al personal
    del propio hospital. Tu gente es buena. La pregunta es si seguirá aquí, y si aún le
    importará, en la semana 10.

goal-open = El ala abre en la fecha prevista
goal-handover = El personal del hospital puede hacer funcionar el ala

work-1 = Mantenimiento de la obra
work-2 = Cableado y fontanería
work-3 = Equipamiento de las salas
work-4 = Inspección de apertura
work-5 = Lista de repasos
work-6 = Formación del personal del hospital

event-late-parts = El equipamiento de las salas llega tarde
    .text = Un proveedor perdió el camión; el material llega el jueves.
event-inspector = El inspector pide una visita de obra
    .text = Medio día de tu tiempo, y del de Marta.
event-injury = Ben se lesiona la espalda
    .text = Durante una semana solo puede hacer tareas ligeras.
event-design-change = El hospital cambia dos salas de sitio
    .text = Pediatría y maternidad se intercambian las plantas; los planos cambian.
event-thanks = Una enfermera trae un pastel
    .text = «Llevamos diez años esperando esta ala.»
event-heatwave = Ola de calor en la obra
    .text = El trabajo se ralentiza por las tardes.
event-rival-offer = Una contrata rival busca personal
    .text = Pagan más y terminan a las cinco.
event-press = El periódico local visita la obra
    .text = Fotos del equipo delante del ala nueva.
event-fire-drill = El inspector de incendios rechaza una puerta
    .text = Hay que volver a montar dos puertas cortafuegos antes de la apertura.

dilemma-weekends = ¿Fines de semana hasta la apertura?
    .text = El equipamiento va con retraso. Marta dice que el equipo trabajaría dos fines de semana si se lo pidieras; la pareja de Dev está a punto de dar a luz.
choice-weekends-all-weekends = Todo el equipo trabaja los dos fines de semana
    .hint = mucho trabajo avanza ya; el estrés y el resentimiento suben, y el cansancio dura semanas
choice-weekends-volunteers = Pedir voluntarios, dispensando a Dev
    .hint = algo de trabajo avanza ya; quienes se ofrecen se cansan, y la gente siente que se le pide, no que se le ordena
choice-weekends-none = Sin fines de semana: planificar las semanas más ajustadas
    .hint = nada extra; tu planificación tiene que sostenerlo

dilemma-skip-test = ¿Saltarse la prueba de presión?
    .text = La prueba de presión de la fontanería lleva un día. Jamal dice que las juntas están bien; el inspector no lo comprobará.
choice-skip-test-skip = Saltársela; la fecha manda
    .hint = un día ahorrado; llega la revisión del inspector de incendios, las juntas sin probar gotean más tarde, y el equipo lo recuerda
choice-skip-test-test = Hacer la prueba
    .hint = un día de trabajo; el equipo ve que vas en serio con las normas

dilemma-after-opening = Después de la apertura
    .text = El ala está abierta. El equipo está agotado; la lista de repasos es larga.
choice-after-opening-push-on = Pasar directamente a los repasos
    .hint = la lista se acorta; nadie ha parado en semanas, y la gente cansada comete errores
choice-after-opening-day-off = Dar un día libre a todos y darles las gracias
    .hint = un día menos de trabajo; la gente se recupera

learning-goal-1 = Una fecha inamovible pone los árboles al frente de la semana: planes, responsables, seguimiento y revisiones sostienen la apertura.
learning-goal-2 = Aun así, dedicarse solo a los árboles quema al equipo: quienes se van antes de la fecha se llevan la fecha con ellos.
learning-goal-3 = Pasada la contrarreloj, el bosque es la forma de recuperar al equipo.

discussion-1 = ¿Hasta dónde te inclinaste hacia los árboles en las semanas 5–7, y qué le costó a tu gente?
discussion-2 = ¿Qué decisión bajo presión defenderías ante el hospital, y cuál ante tu equipo?
discussion-3 = ¿Qué hiciste en las semanas 8–10 que no habrías podido hacer en la semana 6?
