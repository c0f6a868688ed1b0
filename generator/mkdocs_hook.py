"""MkDocs hooks named by path in mkdocs.yml (`hooks: [generator/mkdocs_hook.py]`); the code is in `site.hook`.

Kept at this path so that sites configured before the package layout changed keep building.
"""

from generator.site.hook import (on_build_error, on_config, on_env, on_files, on_post_build,  # noqa: F401
                                 on_post_page, on_post_template, on_serve, on_startup)
