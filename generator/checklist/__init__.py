"""Checklists: question kinds, the decision graph with its proof, plain-language descriptions, worked cases.

The question kinds (`kinds/`) build on the scheme's `Condition`, and the scheme's `Checklist` holds questions:
loading the model first lets either side be imported first.
"""

import generator.scheme.model  # noqa: F401  (see above)
