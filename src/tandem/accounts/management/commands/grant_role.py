from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from tandem.accounts.services import role_grant, role_revoke
from tandem.people.roles import ASSIGNABLE_ROLES


class Command(BaseCommand):
    help = "Give an account the coordinator or sponsor role (or take it away with --revoke)."

    def add_arguments(self, parser):
        parser.add_argument("email", help="e-mail address of the account")
        parser.add_argument("role", choices=ASSIGNABLE_ROLES)
        parser.add_argument("--revoke", action="store_true", help="remove the role instead")

    def handle(self, *args, email: str, role: str, revoke: bool, **options):
        user = get_user_model().objects.filter(email__iexact=email.strip()).first()
        if user is None:
            raise CommandError(
                f"No account with the e-mail {email!r}. The person must sign up first "
                "(or create the account with `tandem createsuperuser`)."
            )
        (role_revoke if revoke else role_grant)(user=user, role=role, actor=None)
        verb = "removed from" if revoke else "granted to"
        self.stdout.write(self.style.SUCCESS(f"Role {role} {verb} {user.email}."))
