"""Print pyproject.toml's dependencies, one per line, for `pip install -r`: the install
script and the Dockerfile install them before the project itself.

    python scripts/requirements.py [--extra test] [--without llama-cpp-python]
"""

import argparse
import tomllib

parser = argparse.ArgumentParser()
parser.add_argument("--extra", action="append", default=[], help="optional dependencies too")
parser.add_argument("--without", action="append", default=[], help="leave this package out")
args = parser.parse_args()
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
requirements = project["dependencies"] + [
    r for extra in args.extra for r in project["optional-dependencies"][extra]
]
for requirement in requirements:
    if not any(requirement.startswith(name) for name in args.without):
        print(requirement)
