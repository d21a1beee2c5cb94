title = El ascenso
briefing =
    Nadie en el equipo de pagos programaba mejor que tú; ahora lo diriges. Tus cuatro antiguos
    compañeros son buenos, aún no excelentes, y la certificación de la red de tarjetas vence en
    la semana 9: la tokenización llega en la semana 2, el flujo 3-D Secure en la semana 5 y la
    batería de pruebas en la semana 7. Escribir el código tú es más rápido hoy. ¿Lo seguirá
    siendo en la semana 9?

goal-certify = Superar la certificación de la red de tarjetas
goal-run = Mantener los pagos en marcha

work-1 = Incidencias de pagos y cambios menores
work-2 = Certificación: tokenización
work-3 = Certificación: flujo 3-D Secure
work-4 = Certificación: batería de pruebas
work-5 = Certificación: documentación de auditoría

event-old-friend = Una antigua compañera lleva mal tu ascenso
    .text = Amara también se presentó a tu puesto.
event-escalation = Un comercio escala un pago fallido
    .text = Tus viejas habilidades tientan: podrías arreglarlo en una hora.
event-spec-change = La red de tarjetas revisa la especificación
    .text = Cambian dos casos de prueba.
event-boss-checkin = Tu responsable pide un informe de estado
    .text = Una tarde de diapositivas.
event-code-review = Tu antiguo código no da la talla
    .text = Una revisión encuentra un fallo en un módulo que escribiste el año pasado. Todo el mundo se muestra educado al respecto.
event-peer-lunch = Tu antigua mesa del almuerzo se queda en silencio
    .text = La conversación se corta cuando te sientas.
event-outage = Los pagos se caen durante una hora
    .text = Todo el mundo te mira: tú escribiste la conmutación por error.
event-recruiter = Un cazatalentos llama a Marco
    .text = Una fintech le ofrece un puesto sénior.
event-praise = La red de tarjetas elogia la batería de pruebas
    .text = Su auditor dice que es la más clara que ha visto.

dilemma-the-hard-bug = El fallo difícil
    .text = Jin lleva tres días sin poder resolver un fallo de concurrencia. Tú sabes cómo arreglarlo.
choice-the-hard-bug-fix-it = Arreglarlo tú esta noche
    .hint = resuelto mañana; Jin no aprende nada, y el equipo tendrá que hacerse cargo de tu arreglo más adelante
choice-the-hard-bug-pair = Trabajar una mañana en pareja con Jin
    .hint = una mañana tuya la semana que viene; Jin crece

dilemma-credit = ¿Quién presenta la demo?
    .text = La dirección quiere una demo del flujo 3-D Secure. Tú hiciste el prototipo; Sofia lo terminó.
choice-credit-me = Presentarla tú
    .hint = visibilidad para ti; el equipo lo nota
choice-credit-sofia = Dejar que Sofia la presente
    .hint = ella crece; la preparas durante una hora

dilemma-standards = ¿Tus estándares o los suyos?
    .text = La batería de pruebas del equipo no es como tú la escribirías. Funciona, y la auditoría es dentro de dos semanas.
choice-standards-rewrite = Reescribirla a tu manera durante el fin de semana
    .hint = ahora es tuya; el equipo deja de sentirla suya y tendrá que aprenderla más adelante
choice-standards-review = Revisarla con el equipo y arreglar lo importante
    .hint = unas horas tuyas; la batería sigue siendo del equipo

learning-goal-1 = Hacer tú el trabajo funciona al principio: el resultado es real, y también lo es la deuda que el equipo paga después.
learning-goal-2 = Un incidente es la excepción: una hora de manos expertas lo apaga. Esas mismas horas cada semana le quitan al equipo la responsabilidad sobre su trabajo.
learning-goal-3 = El nuevo trabajo de quien asciende por ser experto es el crecimiento del equipo: delegar y desarrollar a las personas es lo que hace posible la semana 9.
learning-goal-4 = Los antiguos compañeros siguen a quien comparte el mérito y explica el porqué, no a quien mejor programa.

discussion-1 = ¿Cuándo dejó de compensar hacer tú el trabajo? ¿Qué lo mostró en las gráficas?
discussion-2 = ¿Qué dejaste de hacer al pasar a dirigir el equipo, y qué seguiste haciendo que deberías haber traspasado?
discussion-3 = El fallo de Jin, la demo de Sofia, la batería de pruebas: ¿qué decisión te costó horas en el momento y te las ahorró después?
