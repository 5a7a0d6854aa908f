"""`manage.py create_user USERNAME --role ROLE`: add a person to careboard with one role.

The password is asked for twice, or read from CAREBOARD_NEW_USER_PASSWORD when there is no
terminal (provisioning scripts). It must pass the project's password validators.
"""

from __future__ import annotations

import getpass
import os
from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from careboard.accounts.models import Role, User

PASSWORD_VARIABLE = "CAREBOARD_NEW_USER_PASSWORD"  # noqa: S105 (a variable name)


class Command(BaseCommand):
    help = "Create a careboard user with one role (administrator, auditor, action_owner, ...)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=[role.value for role in Role])
        parser.add_argument("--first-name", default="")
        parser.add_argument("--last-name", default="")
        parser.add_argument("--email", default="")

    def handle(self, *args: Any, **options: Any) -> None:
        username = options["username"]
        if User.objects.filter(username=username).exists():
            raise CommandError(f"There is already a user called {username}.")
        user = User(
            username=username,
            role=options["role"],
            first_name=options["first_name"],
            last_name=options["last_name"],
            email=options["email"],
        )
        password = self._password()
        try:
            validate_password(password, user)
        except ValidationError as invalid:
            raise CommandError(" ".join(invalid.messages)) from invalid
        user.set_password(password)
        user.save()
        self.stdout.write(
            self.style.SUCCESS(f"Created {username} as {user.get_role_display().lower()}.")
        )

    def _password(self) -> str:
        from_environment = os.environ.get(PASSWORD_VARIABLE)
        if from_environment:
            return from_environment
        first = getpass.getpass("Password: ")
        if getpass.getpass("Password (again): ") != first:
            raise CommandError("The two passwords are different.")
        return first
