"""Keep pages for a logged-in person out of every cache (shared school computers, proxies)."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control


def private_no_store(get_response: Callable[[HttpRequest], HttpResponse]):
    """`Cache-Control: private, no-store` on every response to someone with a session:
    pages, htmx partials and CSV downloads with answers or results must not be kept by the
    browser (back button on a shared computer) nor by a proxy.

    A session cookie in the request or the response stands for "logged in": only a session
    logs anyone in here, and looking at the cookie costs no query (request.user would cost
    two on pages that never read it, such as /healthz). Static files never get here:
    WhiteNoise, above this in MIDDLEWARE, answers them first, with their long cache life.
    """

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        name = settings.SESSION_COOKIE_NAME
        if name in request.COOKIES or name in response.cookies:
            patch_cache_control(response, private=True, no_store=True)
        return response

    return middleware
