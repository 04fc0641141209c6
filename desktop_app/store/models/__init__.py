"""All tables. Importing this package registers every model on Base.metadata."""

from desktop_app.store.base import Base
from desktop_app.store.models.people import Cultivation, Member, MemberLeave, SchoolClass, Student
from desktop_app.store.models.settings import AuditEntry, Setting

# Record kinds added by later features register here, one module each.
from desktop_app.store.models import pledges as pledges  # noqa: E402,F401
from desktop_app.store.models import records as records  # noqa: E402,F401
from desktop_app.store.models import rectifications as rectifications  # noqa: E402,F401
from desktop_app.store.models import evaluations as evaluations  # noqa: E402,F401
from desktop_app.store.models import development as development  # noqa: E402,F401

__all__ = ["Base", "Member", "MemberLeave", "SchoolClass", "Student", "Cultivation", "Setting", "AuditEntry"]
from desktop_app.store.models import meetings as meetings  # noqa: E402,F401
from desktop_app.store.models import attachments as attachments  # noqa: E402,F401
from desktop_app.store.models import documents as documents  # noqa: E402,F401
from desktop_app.store.models import users as users  # noqa: E402,F401
