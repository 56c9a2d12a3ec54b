"""The agenda part of the AVG export and account removal."""

from __future__ import annotations

from spil.agenda.models import Afspraak, Agendabron, AgendaInstellingen, Correctie, Importbatch
from spil.core.avg import rows
from spil.core.registry import AvgProvider

MODELS = {
    "agenda.agendabron": Agendabron,
    "agenda.importbatch": Importbatch,
    "agenda.afspraak": Afspraak,
    "agenda.correctie": Correctie,
    "agenda.agendainstellingen": AgendaInstellingen,
}


def export(*, user) -> dict:
    return {label: rows(model.objects.owned_by(user)) for label, model in MODELS.items()}


def delete(*, user) -> None:
    from spil.agenda.services import agendagegevens_delete

    agendagegevens_delete(owner=user, instellingen=True)


PROVIDER = AvgProvider(
    label="Agenda-spiegel",
    models=tuple(MODELS),
    export=export,
    delete=delete,
)
