"""Sessions: Django's database sessions, read with one plain SQL statement.

Every signed-in request reads its session, and building the ORM's query for it cost more CPU
than PostgreSQL spent running it (bench/save_profile.py). Writing, expiry, cycling and
clearing are Django's own; nothing is kept in process memory.
"""

from django.contrib.sessions.backends import db
from django.utils import timezone

# Django's own session table (django.contrib.sessions.models.Session).
SESSION_UNEXPIRED = """
    SELECT session_key, session_data, expire_date FROM django_session
    WHERE session_key = %s AND expire_date > %s
"""


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        # As Django's: the unexpired session with this key, or None (and no key kept).
        if self.session_key is not None:
            rows = list(
                self.model.objects.raw(SESSION_UNEXPIRED, [self.session_key, timezone.now()])
            )
            if rows:
                return rows[0]
        self._session_key = None
        return None
