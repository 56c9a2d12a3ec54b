"""One Group per role; an existing single-user installation keeps doing everything."""

from django.db import migrations

ROLES = [
    "secretaris",
    "gedelegeerde",
    "kandidaat",
    "programmaleider",
    "coach",
    "docent",
    "stagesecretaris",
    "selectiecommissielid",
    "bibliotheekbeheerder",
    "functioneel_beheerder",
]
SINGLE_USER_ROLES = ["secretaris", "functioneel_beheerder", "bibliotheekbeheerder"]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("accounts", "User")
    RoleAssignment = apps.get_model("core", "RoleAssignment")
    groups = {name: Group.objects.get_or_create(name=name)[0] for name in ROLES}
    users = list(User.objects.all()[:2])
    if len(users) == 1 and not RoleAssignment.objects.exists():
        for name in SINGLE_USER_ROLES:
            RoleAssignment.objects.create(user=users[0], group=groups[name])


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
