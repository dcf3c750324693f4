"""Self-checks for the notebooks' exercises: ``check.exercise_1_2(answer)`` says right or
not yet, with a hint, and never prints the answer.

    from bayeslearn import exercises as check
    check.exercise_1_1(0.7)
"""

from ._nb01 import *  # noqa: F403
from ._nb02 import *  # noqa: F403
from ._nb03 import *  # noqa: F403
from ._nb04 import *  # noqa: F403
from ._nb05 import *  # noqa: F403
from ._nb06 import *  # noqa: F403
from ._nb07 import *  # noqa: F403
from ._nb08 import *  # noqa: F403
