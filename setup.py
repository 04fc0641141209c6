"""Package list for setuptools: the code plus migrations/ and resources/ shipped inside it.

Everything else about the package is in pyproject.toml.
"""

from setuptools import find_packages, setup

setup(
    packages=find_packages(include=["desktop_app", "desktop_app.*"])
    + ["desktop_app._migrations", "desktop_app._migrations.versions", "desktop_app._resources"],
)
