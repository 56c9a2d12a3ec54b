"""An exercise session for a user, through the real service."""

from spil.oefenen import services


def fill(user, *, tag: str, watcher=None) -> None:
    services.oefensessie_start(
        user=user, scenario_id="herindeling", profiel="klein", modus="oefenen", timer=False
    )
    fill_group(user)


def fill_group(user) -> None:
    """A group session the user coaches, when leergang's filler made them coach of a group."""
    from spil.leergang import selectors as leergang

    user = type(user).objects.get(pk=user.pk)  # roles granted since, as in a new request
    groep = leergang.groepen_van_coach(user=user).first()
    if groep is not None:
        services.groepssessie_start(
            user=user, groep_id=groep.pk, scenario_id="herindeling", profiel="klein"
        )
