title = Valores bajo presión
briefing =
    Supervisas a seis analistas que preparan el informe trimestral de seguridad de un operador
    ferroviario regional. El plazo del regulador es el final de la semana 9: los datos llegan en
    la semana 4, el análisis en la semana 6 y el borrador para la aprobación en la semana 8. Tu
    mejor analista es brillante y difícil de tratar; tu director quiere buenas noticias. Lo que
    el equipo aprenda este trimestre sobre tus valores lo recordará durante años.

goal-report = Un informe de seguridad honesto, a tiempo
goal-monitoring = Los incidentes se registran y se revisan cada semana

work-1 = Revisiones semanales de incidentes
work-2 = Recogida de datos de los depósitos
work-3 = Análisis de los incidentes
work-4 = Borrador del informe para su aprobación
work-5 = Preguntas del regulador

event-viktor-outburst = Viktor arremete contra Tom en una reunión
    .text = Las cifras de Tom estaban mal; Viktor lo dijo delante de todos, y no con amabilidad.
event-depot-late = Dos depósitos envían sus datos tarde
    .text = El análisis empieza con huecos.
event-near-miss = Un cuasiaccidente en la línea norte
    .text = Falló una señal; nadie resultó herido. Debe figurar en el informe de este trimestre.
event-press-enquiry = Un periodista pregunta por el cuasiaccidente
    .text = Comunicación quiere una declaración de tu equipo antes de esta noche.
event-training = Se programa una formación en ética
    .text = Dos horas para todos, en la semana de más trabajo.
event-nora-offer = A Nora le ofrecen un trabajo en otra parte
    .text = Dice que se quedaría si las cosas fueran distintas.
event-regulator-thanks = El regulador elogia la franqueza del trimestre pasado
    .text = «El único informe que no tuvimos que cuestionar.»
event-system-upgrade = Se actualiza la base de datos de incidentes
    .text = Un día sin acceso y registros que hay que volver a introducir.
event-missed-incident = Vuelve un incidente que se pasó por alto
    .text = Uno de los incidentes que nadie muestreó era una avería real. El regulador pregunta cómo se pasó por alto.
event-audit-finds = Una auditoría interna descubre la discrepancia
    .text = Alguien se fijó en la redacción suavizada.

dilemma-high-performer = El genio que intimida
    .text = Viktor hace el trabajo de dos personas. Tom y Leila dicen que no volverán a trabajar con él después de lo de la semana pasada.
choice-high-performer-tolerate = Dejarlo pasar; el informe lo necesita
    .hint = el rendimiento se mantiene; el equipo aprende cuánto valen tus valores, y lo recuerda
choice-high-performer-confront = Decirle a Viktor que ese comportamiento se acaba, rinda lo que rinda
    .hint = dos horas tuyas; él se enfurruña un tiempo, el equipo observa
choice-high-performer-separate = Darle a Viktor trabajo aparte, lejos del equipo
    .hint = calma por ahora; el equipo pierde su conocimiento

dilemma-shortcut = El atajo en el muestreo
    .text = Ian propone revisar uno de cada diez incidentes en lugar de uno de cada tres. Nadie lo notaría, y se ahorra una semana.
choice-shortcut-take = Tomar el atajo
    .hint = una semana ahorrada; los fallos que nadie muestreó salen como retrabajo, y un incidente pasado por alto puede volver
choice-shortcut-refuse = Mantener el muestreo y replanificar las semanas
    .hint = no se ahorra tiempo; tu planificación debe sostener la fecha

dilemma-good-news = Tu director quiere buenas noticias
    .text = El director te pide que describas el cuasiaccidente como «un incidente menor de señalización» y lo pases a un anexo.
choice-good-news-soften = Suavizar la redacción como te piden
    .hint = el director queda contento; el equipo sabe lo que pasó, y una auditoría puede descubrirlo
choice-good-news-refuse = Dejarlo tal como está escrito y explicarle al director por qué
    .hint = horas tuyas y una reunión incómoda; el equipo ve que te mantienes firme
choice-good-news-both = Mantener los hechos y añadir el contexto que quiere el director
    .hint = una tarde tuya; ambas partes pueden aceptarlo

learning-goal-1 = Los valores se demuestran en lo que un líder tolera: alguien de alto rendimiento que los rompe le enseña a todo el equipo.
learning-goal-2 = Un atajo que cumple la fecha gasta la confianza y la alineación que el equipo necesita para la siguiente.
learning-goal-3 = Mantenerte firme te cuesta horas; planifica los árboles para que la fecha sobreviva a tu integridad.

discussion-1 = ¿Qué les enseñó a Tom y a Leila tu decisión sobre Viktor, y qué le enseñó a Viktor?
discussion-2 = ¿Cuáles de tus decisiones podrías explicar con tranquilidad al regulador, y a tu equipo?
discussion-3 = Cuando la fecha estaba en riesgo, ¿de dónde salieron las horas para mantenerte firme?
