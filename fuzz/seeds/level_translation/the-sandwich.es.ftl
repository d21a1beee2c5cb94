title = El sándwich
briefing =
    Diriges a tres líderes de equipo en un departamento de software de logística, quince
    ingenieros en total. Tu directora quiere la plataforma de rutas migrada para la semana 12:
    el modelo de datos llega en la semana 3, el motor de rutas en la semana 6 y el cambio
    definitivo en la semana 10. Tus equipos quieren menos interrupciones. La visión hay que
    traducirla para cada equipo, no solo reenviarla, y tus líderes te necesitan más entre los
    hitos que durante ellos.

goal-migrate = Las rutas funcionan en la nueva plataforma
goal-serve = Los almacenes mantienen su nivel de servicio

work-1 = Solicitudes y arreglos de los almacenes
work-2 = Migración: modelo de datos
work-3 = Migración: motor de rutas
work-4 = Migración: cambio definitivo

event-director-ask = La directora pide un informe nuevo
    .text = Métricas semanales para la junta, para el viernes.
event-lead-conflict = Dos líderes chocan por la base de datos compartida
    .text = Ines y Zara necesitan el mismo cambio de esquema.
event-peak-season = La temporada alta empieza antes de tiempo
    .text = Los almacenes necesitan más arreglos, y más rápido.
event-reorg-rumour = Rumores de reorganización
    .text = La gente pregunta si su equipo sobrevivirá.
event-offsite = La directora convoca unas jornadas fuera de la oficina
    .text = Un día fuera con los demás mandos intermedios.
event-lead-burnout = Zara está al límite de sus fuerzas
    .text = Responde correos a medianoche y salta a la mínima en las reuniones diarias.
event-depot-praise = La responsable de un almacén le da las gracias al equipo
    .text = El nuevo planificador de rutas les ahorró a sus conductores una hora al día.
event-vendor-delay = El proveedor de la nube retrasa una funcionalidad
    .text = El cambio definitivo necesita una solución alternativa.
event-escalated = La directora se entera del choque
    .text = Quiere saber por qué se pelean las líderes.
event-dashboard = La directora quiere un panel de rutas para la junta
    .text = Nadie preguntó a los equipos lo que costaría. Plazo: dos semanas.
event-sales-demo = Ventas le promete una demo a un cliente
    .text = La directora dijo que sí en tu nombre. Plazo: dos semanas.

dilemma-clash = Las líderes no se ponen de acuerdo
    .text = Ines y Zara reclaman la base de datos compartida para el modelo de datos. Cada una te pide que desautorices a la otra.
choice-clash-decide = Decidir por ellas, hoy
    .hint = rápido; la que pierde se siente desautorizada
choice-clash-mediate = Reunirlas y acordar las prioridades en común
    .hint = una tarde tuya; la respuesta es suya
choice-clash-escalate = Pedirle a la directora que decida
    .hint = queda fuera de tus manos; ella se pregunta por qué

dilemma-relay = La nueva prioridad de la directora
    .text = La directora añade el seguimiento en tiempo real al alcance de la migración.
choice-relay-forward = Reenviar la petición tal cual
    .hint = rápido; los equipos ven un objetivo que no deja de moverse
choice-relay-translate = Analizar con las líderes lo que significa para cada equipo
    .hint = te cuesta horas; los equipos entienden por qué
choice-relay-push-back = Oponerse para proteger la fecha
    .hint = los equipos confían más en ti; la confianza de tu directora en ti cae mucho, y la duda solo se disipa con las semanas

dilemma-headcount = Un ingeniero para prestar
    .text = Un departamento hermano necesita un ingeniero durante un mes. Decir que sí genera buena voluntad.
choice-headcount-lend = Prestar a Omar durante un mes
    .hint = dos semanas-persona más de trabajo en las próximas dos semanas; la confianza de tu directora en ti sube
choice-headcount-refuse = Negarse con educación
    .hint = conservas la capacidad; nada cambia

learning-goal-1 = Un mando intermedio traduce: el mismo objetivo significa un trabajo distinto para cada equipo, y si se transmite sin cambios, se pierde.
learning-goal-2 = Tus líderes llevan la estructura hasta la primera línea; tus horas valen más allí donde hacen mejores a tus líderes.
learning-goal-3 = Entre los hitos es cuando el bosque rinde; durante un cambio definitivo, los árboles.

discussion-1 = Cuando la directora cambió el alcance, ¿qué oyó cada uno de tus equipos?
discussion-2 = ¿Qué peticiones de arriba transmitiste, absorbiste o rechazaste, y por qué?
discussion-3 = ¿Cómo cambió tu reparto entre los hitos de la migración y durante ellos?
