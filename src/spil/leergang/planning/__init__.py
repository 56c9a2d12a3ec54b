"""Planning a cohort of the leergang: intervisie groups, modules, internships and coaching.

Pure Python without Django: `cohort` reads and validates the input, `solver` builds and solves
the CP-SAT models (OR-Tools is imported only there, so only the CLI and the worker load it),
`reasons` words every assignment in Dutch, and `checker` verifies a finished plan against the
hard rules independently of the solver.
"""
