"""The space's models live in their feature packages; importing the modules registers them."""

from tandem.workspace.agreements import models as agreements  # noqa: F401
from tandem.workspace.calendar import models as calendar  # noqa: F401
from tandem.workspace.help import models as confidential_help  # noqa: F401
from tandem.workspace.learning import models as learning  # noqa: F401
from tandem.workspace.meetings import models as meetings  # noqa: F401
from tandem.workspace.notes import models as notes  # noqa: F401
from tandem.workspace.onboarding import models as onboarding  # noqa: F401
from tandem.workspace.plan import models as plan  # noqa: F401
