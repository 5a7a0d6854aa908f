"""One demo sign-in per role. The names are made up; none is an officer named in the seeds."""

from __future__ import annotations

from careboard.accounts.models import Role
from careboard.demo.data.records import UserRecord

DEFAULT_PASSWORD = "careboard-demo-only"  # noqa: S105 (printed demo default, not a secret)
PASSWORD_ENV = "CAREBOARD_DEMO_PASSWORD"  # noqa: S105 (a variable name)

USERS: tuple[UserRecord, ...] = (
    UserRecord(
        "admin",
        Role.ADMINISTRATOR,
        "Ada",
        "Example",
        "Systems administrator (demo)",
        team="Children's Data and Insight Team",
        is_staff=True,
        is_superuser=True,
    ),
    UserRecord("board", Role.BOARD_MEMBER, "Bea", "Sample", "Board member (demo councillor)"),
    UserRecord(
        "owner",
        Role.ACTION_OWNER,
        "Otto",
        "Placeholder",
        "Service manager (demo)",
        team="Corporate Parenting Operational Group",
    ),
    UserRecord(
        "analyst",
        Role.PERFORMANCE_ANALYST,
        "Ana",
        "Testdata",
        "Performance analyst (demo)",
        team="Children's Data and Insight Team",
    ),
    UserRecord(
        "participation",
        Role.PARTICIPATION_WORKER,
        "Pat",
        "Mockington",
        "Participation worker (demo)",
        team="Participation and Engagement",
    ),
    UserRecord(
        "safeguarding", Role.SAFEGUARDING_LEAD, "Sol", "Fictional", "Safeguarding lead (demo)"
    ),
    UserRecord("auditor", Role.AUDITOR, "Aud", "Itor-Demo", "Internal auditor (demo)"),
)
