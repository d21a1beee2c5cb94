# Palabras comunes a todas las pantallas.

back = Volver
speed-turns = Por turnos (Terminar semana)
speed-normal = Continuo 1x
speed-fast = Continuo 2x
speed-fastest = Continuo 4x
motion-system = Como diga el sistema
motion-reduced = Reducido
motion-full = Completo

# Un guardado que falló: qué, dónde, por qué, y si se conserva la copia anterior.
# Where a file is kept in a browser page (its storage has paths, not folders).
storage-in-browser = { $path } en el almacenamiento de este navegador
save-failed = No se pudo guardar { $what ->
        [settings] tu configuración
        [autosave] el guardado automático
        [copy] una copia de la partida
        [class] la clase
       *[progress] tu progreso
    } en { $path }: { $why ->
        [browser-full] el almacenamiento del navegador para esta página está lleno
        [full] el disco está lleno
        [too-large] es mayor de lo que este disco o esta cuenta permiten
        [denied] no se puede escribir en la carpeta
       *[other] no se pudo escribir el archivo ({ $error })
    }. { $kept ->
        [yes] Se conserva la copia anterior.
       *[no] No se guardó nada.
    }
