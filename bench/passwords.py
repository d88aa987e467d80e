"""What password hashing costs, with the old hasher and the new in one run; prints the figures.

For each hasher: the CPU of one hash (the median of a few, all threads of this process
counted), then `students_create` for a class of names (the teacher's *Create accounts*),
wall clock and CPU. Runs on an in-memory SQLite database of its own; nothing is kept.

    .venv/bin/python bench/passwords.py            # 30 names
    .venv/bin/python bench/passwords.py --names 6
"""

import argparse
import os
import statistics
import sys
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

HASHERS = {
    "PBKDF2 (Django's default, 1.5 M iterations; before)": (
        "django.contrib.auth.hashers.PBKDF2PasswordHasher"
    ),
    "Argon2id, Django's defaults (100 MiB, 2 passes, 8 lanes)": (
        "django.contrib.auth.hashers.Argon2PasswordHasher"
    ),
    "Argon2id, OWASP minimum (19 MiB, 2 passes, 1 lane; now)": (
        "quiz.hashers.ClassroomArgon2PasswordHasher"
    ),
}


def cpu_and_wall(work) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    work()
    return time.process_time() - cpu, time.perf_counter() - wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--names", type=int, default=30, help="students in the pasted list")
    parser.add_argument("--hashes", type=int, default=5, help="single hashes timed per hasher")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = "sqlite://:memory:"
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-not-for-production")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "quiz.settings")
    import django

    django.setup()
    from django.contrib.auth.hashers import make_password
    from django.core.management import call_command
    from django.db import transaction
    from django.test import override_settings

    from quiz import services

    call_command("migrate", verbosity=0)
    names = [f"Student{n} Surname{n}" for n in range(args.names)]
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; {args.names} names")
    print(f"{'hasher':<58}{'one hash, CPU ms':>18}{'create, s':>11}{'CPU s':>8}")
    for label, path in HASHERS.items():
        with override_settings(PASSWORD_HASHERS=[path]):
            one = [
                cpu_and_wall(lambda: make_password("a-pass-word-9"))[0] for _ in range(args.hashes)
            ]
            with transaction.atomic():
                school_class = services.class_create(
                    name="Bench", teacher=services.User.objects.create(username="bench-teacher")
                )
                cpu, wall = cpu_and_wall(
                    partial(services.students_create, school_class=school_class, names=names)
                )
                transaction.set_rollback(True)
        print(f"{label:<58}{statistics.median(one) * 1000:>18.0f}{wall:>11.2f}{cpu:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
