"""Writes of the leergang. Each takes the acting user (`user=`) and checks the access matrix:
programme staff (programmaleider) for their cohort, candidates for their own rows.

A row the user may not reach raises Http404-like `NotFound` (views turn it into a 404), never
a message that confirms the row exists.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.utils import timezone

from spil.core.access import Role, forget_roles, holds_role
from spil.core.audit import audit_record
from spil.core.models import AuditEntry, RoleAssignment

from . import csv_import, matching
from .models import (
    Coach,
    Coachkoppeling,
    Coachvoorkeur,
    Cohort,
    Deelnemer,
    Gastgemeente,
    Intervisiegroep,
    Kandidaatprofiel,
    Leergang,
    Leervraag,
    Meeloopstage,
    Module,
    Moduletoewijzing,
    Modulevoorkeur,
    Profielvrijgave,
    Programmaonderdeel,
    Toewijzingsplan,
    Vacature,
)

Status = Toewijzingsplan.Status
logger = logging.getLogger(__name__)

# The programme as the brochure describes it (hours per participant follow from it).
STANDAARDPROGRAMMA: tuple[dict, ...] = (
    {
        "naam": "Seminars",
        "soort": "seminar",
        "aantal": 4,
        "uren_per_keer": 24,
        "start_week": 1,
        "weken": 40,
    },
    {
        "naam": "Intervisie",
        "soort": "intervisie",
        "aantal": 5,
        "uren_per_keer": 4,
        "start_week": 4,
        "weken": 36,
    },
    {
        "naam": "Keuzemodules",
        "soort": "module",
        "aantal": 3,
        "uren_per_keer": 4,
        "keer_per_deelnemer": 2,
        "start_week": 8,
        "weken": 24,
    },
    {
        "naam": "Meeloopstages",
        "soort": "stage",
        "aantal": 2,
        "uren_per_keer": 16,
        "start_week": 12,
        "weken": 20,
    },
    {
        "naam": "Coaching",
        "soort": "coaching",
        "aantal": 2,
        "uren_per_keer": Decimal("1.5"),
        "start_week": 6,
        "weken": 30,
    },
)


def _staff_cohort(*, user, cohort_id: int, action: str = "change") -> Cohort:
    cohort = Cohort.objects.visible_to(user, action).filter(pk=cohort_id).first()
    if cohort is None:
        raise Http404
    return cohort


def _grant(*, actor, user, role: str, scope_object) -> RoleAssignment:
    """Give `user` the role for one object of the leergang (programme staff do this, within
    their cohort); audited like every role change."""
    group, _ = Group.objects.get_or_create(name=role)
    assignment, created = RoleAssignment.objects.get_or_create(
        user=user,
        group=group,
        content_type=ContentType.objects.get_for_model(scope_object),
        object_id=scope_object.pk,
        defaults={"granted_by": actor},
    )
    if created:
        audit_record(
            actor=actor,
            kind=AuditEntry.Kind.ROLE,
            resource="accounts.rollen",
            label=f"rol {Role(role).label} toegekend aan '{user.username}' voor {scope_object}",
            object_id=assignment.pk,
            subject=user,
        )
    forget_roles(user)
    return assignment


def _revoke(*, actor, role: str, scope_object) -> None:
    content_type = ContentType.objects.get_for_model(scope_object)
    for assignment in RoleAssignment.objects.filter(
        group__name=role, content_type=content_type, object_id=scope_object.pk
    ).select_related("user"):
        audit_record(
            actor=actor,
            kind=AuditEntry.Kind.ROLE,
            resource="accounts.rollen",
            label=f"rol {Role(role).label} ingetrokken bij '{assignment.user.username}' "
            f"voor {scope_object}",
            object_id=assignment.pk,
            subject=assignment.user,
        )
        assignment.delete()


# --- programme and cohort -------------------------------------------------------------------


@transaction.atomic
def leergang_create(*, user, naam: str, beschrijving: str = "", standaard: bool = True) -> Leergang:
    """A new programme (a programmaleider for all cohorts), with the brochure's template."""
    if not holds_role(user, Role.PROGRAMMALEIDER):
        raise PermissionDenied("Alleen een programmaleider kan een leergang aanmaken.")
    if not naam.strip():
        raise ValidationError("Geef de leergang een naam.")
    leergang = Leergang.objects.create(naam=naam.strip(), beschrijving=beschrijving)
    if standaard:
        for part in STANDAARDPROGRAMMA:
            Programmaonderdeel.objects.create(leergang=leergang, **part)
    return leergang


@transaction.atomic
def cohort_create(
    *,
    user,
    leergang: Leergang,
    naam: str,
    startdatum: date,
    groepsgrootte: int = 5,
    stagerondes: int = 2,
) -> Cohort:
    if not Leergang.objects.visible_to(user, "change").filter(pk=leergang.pk).exists():
        raise Http404
    if not naam.strip():
        raise ValidationError("Geef het cohort een naam.")
    if groepsgrootte < 2:
        raise ValidationError("Groepsgrootte: minstens 2.")
    cohort = Cohort.objects.create(
        leergang=leergang,
        naam=naam.strip(),
        startdatum=startdatum,
        groepsgrootte=groepsgrootte,
        stagerondes=stagerondes,
    )
    # Who starts a cohort leads it, also when their role was for another cohort only.
    _grant(actor=user, user=user, role=Role.PROGRAMMALEIDER, scope_object=cohort)
    return cohort


def module_create(
    *, user, cohort_id: int, naam: str, competentie: str = "", min_plaatsen: int, max_plaatsen: int
) -> Module:
    cohort = _staff_cohort(user=user, cohort_id=cohort_id)
    if max_plaatsen < 1 or min_plaatsen > max_plaatsen:
        raise ValidationError(
            f"Module {naam}: het minimum ({min_plaatsen}) mag niet boven het maximum "
            f"({max_plaatsen}) liggen, en het maximum is minstens 1."
        )
    return Module.objects.create(
        cohort=cohort,
        naam=naam,
        competentie=competentie,
        min_plaatsen=min_plaatsen,
        max_plaatsen=max_plaatsen,
    )


@transaction.atomic
def coach_create(
    *,
    user,
    cohort_id: int,
    naam: str,
    organisatie: str = "",
    capaciteit: int,
    intervisie: bool = False,
    max_groepen: int = 1,
    selectiecommissies: str = "",
    account=None,
    email: str = "",
    request_base: str = "",
) -> Coach:
    """A coach of the cohort; with an e-mail address the coach gets an account (and an
    invitation), so after publication they see their intervisie group."""
    cohort = _staff_cohort(user=user, cohort_id=cohort_id)
    if email.strip() and account is None:
        account = _invite_account(
            email=email,
            naam=naam,
            onderwerp=f"Coach in {cohort}",
            waarom=f"Je bent coach in {cohort}. In Spil zie je je intervisiegroep en hun "
            "leervragen zodra de indeling is gepubliceerd.",
            request_base=request_base,
            mail=True,
        )
    return Coach.objects.create(
        cohort=cohort,
        naam=naam,
        organisatie=organisatie,
        capaciteit=capaciteit,
        intervisie=intervisie,
        max_groepen=max_groepen,
        selectiecommissies=selectiecommissies,
        user=account,
    )


@transaction.atomic
def gastgemeente_create(
    *,
    user,
    cohort_id: int,
    naam: str,
    grootte: str,
    regio: str,
    plaatsen_per_ronde: int = 2,
    stagesecretaris=None,
    email: str = "",
    request_base: str = "",
) -> Gastgemeente:
    """A host municipality; with an e-mail address its contact (stagesecretaris) gets access
    to the names and learning questions of the candidates placed there."""
    cohort = _staff_cohort(user=user, cohort_id=cohort_id)
    if email.strip() and stagesecretaris is None:
        stagesecretaris = _invite_account(
            email=email,
            naam="",
            onderwerp=f"Meeloopstages in {naam}",
            waarom=f"{naam} is gastgemeente in {cohort}. In Spil zie je wie bij jullie "
            "meeloopt en met welke leervragen, zodra de indeling is gepubliceerd.",
            request_base=request_base,
            mail=True,
        )
    host = Gastgemeente.objects.create(
        cohort=cohort,
        naam=naam,
        grootte=grootte,
        regio=regio,
        plaatsen_per_ronde=plaatsen_per_ronde,
    )
    if stagesecretaris is not None:
        _grant(actor=user, user=stagesecretaris, role=Role.STAGESECRETARIS, scope_object=host)
    return host


# --- participants ---------------------------------------------------------------------------


def _account_for(*, email: str, naam: str):
    User = get_user_model()
    email = email.strip().casefold()
    account = User.objects.filter(email__iexact=email).order_by("pk").first()
    if account is None:
        account = User.objects.filter(username__iexact=email).first()
    if account is None:
        account = User(username=email, email=email, display_name=naam)
        account.set_unusable_password()
        account.save()
    return account, account.has_usable_password()


def _invite_mail(*, deelnemer: Deelnemer, request_base: str) -> None:
    _account_mail(
        account=deelnemer.user,
        naam=deelnemer.naam,
        onderwerp=f"Uitnodiging: {deelnemer.cohort}",
        waarom=(
            f"Je bent toegevoegd aan {deelnemer.cohort}. In Spil geef je je voorkeuren voor "
            "modules en coach op en je leervragen."
        ),
        request_base=request_base,
    )


def _account_mail(*, account, naam: str, onderwerp: str, waarom: str, request_base: str) -> None:
    """An invitation: a link to choose a password (new account) or to log in."""
    from django.conf import settings
    from django.contrib.auth.tokens import default_token_generator
    from django.core.mail import send_mail
    from django.urls import reverse
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    if account.has_usable_password():
        link = reverse("accounts:login")
        how = "Log in met je bestaande account:"
    else:
        uid = urlsafe_base64_encode(force_bytes(account.pk))
        token = default_token_generator.make_token(account)
        link = reverse("leergang:uitnodiging", kwargs={"uidb64": uid, "token": token})
        how = "Kies via deze link een wachtwoord (de link werkt één keer):"
    base = request_base or getattr(settings, "SPIL_BASE_URL", "http://127.0.0.1:8000")
    try:
        send_mail(
            subject=onderwerp,
            message=f"Beste {naam},\n\n{waarom}\n\n{how}\n{base}{link}\n",
            from_email=None,
            recipient_list=[account.email or account.username],
        )
    except OSError:
        # No mail server reachable: the account and role are there; inviting again resends.
        logger.warning("Invitation mail to account %s could not be sent", account.pk)


def _invite_account(
    *, email: str, naam: str, onderwerp: str, waarom: str, request_base: str, mail: bool
):
    """Find or make the account for an e-mail address (Dutch error when it is no address);
    a new account gets an invitation on commit."""
    email = email.strip().casefold()
    if not csv_import.EMAIL.match(email):
        raise ValidationError(f"E-mailadres: '{email}' is geen geldig e-mailadres.")
    account, has_password = _account_for(email=email, naam=naam or email)
    if mail and not has_password:
        transaction.on_commit(
            lambda: _account_mail(
                account=account,
                naam=naam or email,
                onderwerp=onderwerp,
                waarom=waarom,
                request_base=request_base,
            )
        )
    return account


@transaction.atomic
def deelnemer_invite(
    *,
    user,
    cohort_id: int,
    email: str,
    naam: str,
    werkgever: str = "",
    eerdere_werkgevers: str = "",
    solliciteert_bij: str = "",
    achtergrond: str = "",
    stijl: str = "",
    geslacht: str = "",
    request_base: str = "",
    mail: bool = True,
    opnieuw_sturen: bool = False,
) -> tuple[Deelnemer, bool]:
    """Add (or update) a participant by e-mail address: account, role kandidaat for the
    cohort, and an invitation mail (for a new participant, or again with `opnieuw_sturen` to
    someone who has not chosen a password yet). Returns (participant, created). Idempotent."""
    cohort = _staff_cohort(user=user, cohort_id=cohort_id)
    email = email.strip().casefold()
    if not csv_import.EMAIL.match(email):
        raise ValidationError(f"E-mailadres: '{email}' is geen geldig e-mailadres.")
    if not naam.strip():
        raise ValidationError("Naam: vul de naam van de deelnemer in.")
    account, _has_password = _account_for(email=email, naam=naam.strip())
    fields = {
        "naam": naam.strip(),
        "email": email,
        "werkgever": werkgever.strip(),
        "eerdere_werkgevers": eerdere_werkgevers.strip(),
        "solliciteert_bij": solliciteert_bij.strip(),
        "achtergrond": achtergrond.strip(),
        "stijl": stijl.strip(),
        "geslacht": geslacht.strip(),
    }
    deelnemer, created = Deelnemer.objects.update_or_create(
        cohort=cohort, user=account, defaults=fields
    )
    _grant(actor=user, user=account, role=Role.KANDIDAAT, scope_object=cohort)
    resend = opnieuw_sturen and not account.has_usable_password()
    if mail and (created or resend):
        transaction.on_commit(lambda: _invite_mail(deelnemer=deelnemer, request_base=request_base))
    return deelnemer, created


@transaction.atomic
def deelnemers_import(
    *, user, cohort_id: int, data: bytes, filename: str, request_base: str = ""
) -> tuple[int, int]:
    """Import a CSV of participants: all rows or none (Dutch message naming the row);
    importing the same file again changes nothing. Returns (added, updated)."""
    _staff_cohort(user=user, cohort_id=cohort_id)
    try:
        rows = csv_import.rows_parse(data, filename=filename)
    except csv_import.ImportError_ as error:
        raise ValidationError(str(error)) from error
    added = updated = 0
    for row in rows:
        _deelnemer, created = deelnemer_invite(
            user=user,
            cohort_id=cohort_id,
            email=row.email,
            naam=row.naam,
            werkgever=row.werkgever,
            eerdere_werkgevers=row.eerdere_werkgevers,
            solliciteert_bij=row.solliciteert_bij,
            achtergrond=row.achtergrond,
            stijl=row.stijl,
            geslacht=row.geslacht,
            request_base=request_base,
        )
        added += created
        updated += not created
    return added, updated


def _own_deelnemer(*, user, deelnemer_id: int) -> Deelnemer:
    deelnemer = Deelnemer.objects.filter(pk=deelnemer_id, user=user).first()
    if deelnemer is None or not user.is_active:
        raise Http404
    return deelnemer


@transaction.atomic
def voorkeuren_save(
    *,
    user,
    deelnemer_id: int,
    modules: Mapping[int, tuple[int, str]],
    coaches: Sequence[int] = (),
) -> None:
    """A candidate's own preferences: module id -> (rank, doel); coach ids best first.
    Replaces what was there. ValidationError (Dutch) on a contradiction."""
    deelnemer = _own_deelnemer(user=user, deelnemer_id=deelnemer_id)
    known_modules = {m.pk: m for m in deelnemer.cohort.modules.all()}
    known_coaches = {c.pk: c for c in deelnemer.cohort.coaches.all()}
    for module_id, (rang, doel) in modules.items():
        if module_id not in known_modules:
            raise ValidationError("Kies alleen modules van je eigen cohort.")
        if doel not in ("verdiepen", "nieuw"):
            raise ValidationError(f"{known_modules[module_id]}: kies verdiepen of nieuw.")
        if rang < 1:
            raise ValidationError(f"{known_modules[module_id]}: de rang is 1 of hoger.")
    for doel in ("verdiepen", "nieuw"):
        ranks = [r for r, d in modules.values() if d == doel]
        if len(ranks) != len(set(ranks)):
            raise ValidationError(
                f"Modules om te {doel.replace('nieuw', 'leren')}: geef elke keus een andere rang."
            )
    if modules and not {"verdiepen", "nieuw"} <= {d for _r, d in modules.values()}:
        raise ValidationError(
            "Kies minstens één module om te verdiepen en één die nieuw voor je is."
        )
    if len(set(coaches)) != len(coaches) or not set(coaches) <= set(known_coaches):
        raise ValidationError("Coaches: kies elke coach van je cohort hooguit één keer.")
    Modulevoorkeur.objects.filter(deelnemer=deelnemer).delete()
    Coachvoorkeur.objects.filter(deelnemer=deelnemer).delete()
    Modulevoorkeur.objects.bulk_create(
        Modulevoorkeur(deelnemer=deelnemer, module=known_modules[mid], rang=rang, doel=doel)
        for mid, (rang, doel) in modules.items()
    )
    Coachvoorkeur.objects.bulk_create(
        Coachvoorkeur(deelnemer=deelnemer, coach=known_coaches[cid], rang=i)
        for i, cid in enumerate(coaches, start=1)
    )


def leervraag_add(*, user, deelnemer_id: int, tekst: str) -> Leervraag:
    deelnemer = _own_deelnemer(user=user, deelnemer_id=deelnemer_id)
    tekst = tekst.strip()
    if not tekst:
        raise ValidationError("Leervraag: schrijf je vraag op.")
    if len(tekst) > 2000:
        raise ValidationError("Leervraag: hooguit 2000 tekens.")
    return Leervraag.objects.create(deelnemer=deelnemer, tekst=tekst)


def leervraag_delete(*, user, leervraag_id: int) -> None:
    vraag = Leervraag.objects.visible_to(user, "delete").filter(pk=leervraag_id).first()
    if vraag is None:
        raise Http404
    vraag.delete()


# --- plans ----------------------------------------------------------------------------------


def _locks_of(plan: Toewijzingsplan) -> dict:
    """The locked assignments of a plan as the planner's `vastgezet` input."""
    return {
        "intervisiegroepen": [
            {
                "groep": g.nummer,
                "coach": f"c{g.coach_id}",
                "deelnemers": sorted(f"d{d.pk}" for d in g.deelnemers.all()),
            }
            for g in plan.groepen.filter(vastgezet=True).prefetch_related("deelnemers")
        ],
        "modules": [
            {
                "deelnemer": f"d{m.deelnemer_id}",
                "verdiepen": f"m{m.verdiepen_id}",
                "nieuw": f"m{m.nieuw_id}",
            }
            for m in plan.modules.filter(vastgezet=True)
        ],
        "stages": [
            {
                "deelnemer": f"d{s.deelnemer_id}",
                "ronde": s.ronde,
                "gastgemeente": f"g{s.gastgemeente_id}",
            }
            for s in plan.stages.filter(vastgezet=True)
        ],
        "coaching": [
            {"deelnemer": f"d{c.deelnemer_id}", "coach": f"c{c.coach_id}"}
            for c in plan.coaching.filter(vastgezet=True)
        ],
    }


@transaction.atomic
def plan_start(*, user, cohort_id: int, basis_id: int | None = None) -> Toewijzingsplan:
    """Queue a new plan version; with `basis_id` the locked assignments of that version stay.
    The planner runs in the background (leergang.tasks)."""
    cohort = _staff_cohort(user=user, cohort_id=cohort_id)
    if not cohort.deelnemers.exists():
        raise ValidationError("Voeg eerst deelnemers toe.")
    basis = None
    if basis_id is not None:
        basis = cohort.plannen.filter(pk=basis_id).first()
        if basis is None:
            raise Http404
    last = cohort.plannen.order_by("-versie").first()
    plan = Toewijzingsplan.objects.create(
        cohort=cohort,
        versie=(last.versie + 1) if last else 1,
        status=Status.WACHT,
        voortgang="In de wachtrij.",
        vastgezet=_locks_of(basis) if basis else {},
        gebaseerd_op=basis,
    )
    from .tasks import plan_solve_task

    plan_id = plan.pk
    transaction.on_commit(lambda: plan_solve_task.enqueue(plan_id=plan_id))
    return plan


def _staff_plan(*, user, plan_id: int, action: str = "change") -> Toewijzingsplan:
    plan = Toewijzingsplan.objects.visible_to(user, action).filter(pk=plan_id).first()
    if plan is None:
        raise Http404
    return plan


LOCKABLE = {
    "groep": Intervisiegroep,
    "module": Moduletoewijzing,
    "stage": Meeloopstage,
    "coaching": Coachkoppeling,
}


def toewijzing_lock(*, user, plan_id: int, soort: str, pk: int, vastgezet: bool) -> None:
    """Lock (or unlock) one assignment of a draft, so re-solving keeps it."""
    plan = _staff_plan(user=user, plan_id=plan_id)
    if plan.status != Status.CONCEPT or soort not in LOCKABLE:
        raise ValidationError("Vastzetten kan alleen bij een toewijzing in een concept.")
    updated = LOCKABLE[soort]._default_manager.filter(plan=plan, pk=pk).update(vastgezet=vastgezet)
    if not updated:
        raise Http404


@transaction.atomic
def plan_publish(*, user, plan_id: int) -> bool:
    """Publish a draft: candidates, coaches and hosts see their part. Returns False when it
    was already published (nothing changes then)."""
    plan = _staff_plan(user=user, plan_id=plan_id)
    plan = Toewijzingsplan.objects.select_for_update().get(pk=plan.pk)
    if plan.status == Status.GEPUBLICEERD:
        return False
    if plan.status != Status.CONCEPT:
        raise ValidationError("Alleen een concept dat klaar is, kan worden gepubliceerd.")
    for old in plan.cohort.plannen.filter(status=Status.GEPUBLICEERD):
        for group in old.groepen.all():
            _revoke(actor=user, role=Role.COACH, scope_object=group)
        old.status = Status.VERVANGEN
        old.save(update_fields=["status"])
    plan.status = Status.GEPUBLICEERD
    plan.gepubliceerd = timezone.now()
    plan.save(update_fields=["status", "gepubliceerd"])
    for group in plan.groepen.select_related("coach__user"):
        if group.coach.user is not None:
            _grant(actor=user, user=group.coach.user, role=Role.COACH, scope_object=group)
    audit_record(
        actor=user,
        kind=AuditEntry.Kind.PUBLICATION,
        resource="leergang.indeling",
        label=f"indeling gepubliceerd: {plan}",
        object_id=plan.pk,
    )
    for deelnemer in plan.cohort.deelnemers.select_related("user"):
        audit_record(
            actor=user,
            kind=AuditEntry.Kind.PUBLICATION,
            resource="leergang.indeling",
            label=f"jouw indeling gepubliceerd: {plan}",
            object_id=plan.pk,
            subject=deelnemer.user,
        )
    return True


# --- matching -------------------------------------------------------------------------------


def _clean_profile(raw: Mapping, *, vacancy: bool) -> dict:
    cleaned = {}
    for key in matching.GEBIED_KEYS:
        item = raw.get(key) or {}
        entry = {
            "niveau": int(item.get("niveau", 3)),
            "toelichting": str(item.get("toelichting", ""))[:1000],
        }
        if vacancy:
            entry["gewicht"] = int(item.get("gewicht", 1))
        cleaned[key] = entry
    # Validates ranges with a Dutch message naming the area.
    probe = {k: {"niveau": 3} for k in matching.GEBIED_KEYS}
    try:
        if vacancy:
            matching.fit_score(cleaned, probe)
        else:
            matching.fit_score(
                {k: {"gewicht": 1, "niveau": 1} for k in matching.GEBIED_KEYS}, cleaned
            )
    except matching.ProfielError as error:
        raise ValidationError(str(error)) from error
    return cleaned


@transaction.atomic
def vacature_create(
    *,
    user,
    leergang_id: int,
    gemeente: str,
    titel: str = "gemeentesecretaris",
    profiel: Mapping,
    sluit: date | None = None,
) -> Vacature:
    leergang = Leergang.objects.visible_to(user, "change").filter(pk=leergang_id).first()
    if leergang is None:
        raise Http404
    if not gemeente.strip():
        raise ValidationError("Gemeente: vul de gemeente in.")
    return Vacature.objects.create(
        leergang=leergang,
        gemeente=gemeente.strip(),
        titel=titel.strip() or "gemeentesecretaris",
        profiel=_clean_profile(profiel, vacancy=True),
        sluit=sluit,
    )


@transaction.atomic
def commissielid_add(
    *, user, vacature_id: int, lid=None, email: str = "", request_base: str = ""
) -> RoleAssignment:
    """Make someone (an account, or by e-mail address) a member of the vacancy's selection
    committee: they see the candidates who released their profile for it."""
    vacature = Vacature.objects.visible_to(user, "change").filter(pk=vacature_id).first()
    if vacature is None:
        raise Http404
    if lid is None:
        lid = _invite_account(
            email=email,
            naam="",
            onderwerp=f"Selectiecommissie {vacature}",
            waarom=f"Je zit in de selectiecommissie voor {vacature}. In Spil zie je de "
            "kandidaten die hun profiel voor deze vacature vrijgaven.",
            request_base=request_base,
            mail=True,
        )
    return _grant(actor=user, user=lid, role=Role.SELECTIECOMMISSIELID, scope_object=vacature)


def kandidaatprofiel_save(*, user, profiel: Mapping) -> Kandidaatprofiel:
    """The candidate's own profile on the six areas (only they can change it)."""
    if not Deelnemer.objects.filter(user=user).exists():
        raise PermissionDenied("Alleen deelnemers aan de leergang hebben een kandidaatprofiel.")
    found, _ = Kandidaatprofiel.objects.update_or_create(
        owner=user, defaults={"profiel": _clean_profile(profiel, vacancy=False)}
    )
    return found


def _vacancy_for_candidate(*, user, vacature_id: int) -> Vacature:
    vacature = Vacature.objects.filter(
        pk=vacature_id, leergang__cohorten__deelnemers__user=user
    ).first()
    if vacature is None:
        raise Http404
    return vacature


def profiel_vrijgeven(*, user, vacature_id: int, vrijgeven: bool) -> bool:
    """Release (or withdraw) one's profile for one vacancy. Returns whether it is released."""
    vacature = _vacancy_for_candidate(user=user, vacature_id=vacature_id)
    profiel = Kandidaatprofiel.objects.filter(owner=user).first()
    if profiel is None:
        raise ValidationError("Vul eerst je kandidaatprofiel in.")
    if vrijgeven:
        Profielvrijgave.objects.get_or_create(profiel=profiel, vacature=vacature)
        return True
    Profielvrijgave.objects.filter(profiel=profiel, vacature=vacature).delete()
    return False
