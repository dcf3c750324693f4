"""Self-checks for the notebooks' exercises: ``check.exercise_1_2(answer)`` says right or
not yet, with a hint, and never prints the answer.

    from bayeslearn import exercises as check
    check.exercise_1_1(0.7)
"""

from .nb01 import *  # noqa: F403
from .nb02 import *  # noqa: F403
from .nb03 import *  # noqa: F403
from .nb04 import *  # noqa: F403
from .nb05 import *  # noqa: F403
from .nb06 import *  # noqa: F403
from .nb07 import *  # noqa: F403
from .nb08 import *  # noqa: F403
