"""Bengali first: the interface is Bengali unless the user chose English with the switcher.

Django's LocaleMiddleware would follow the browser's Accept-Language, so an office PC set up in
English would get an English interface. This middleware goes just before it in MIDDLEWARE and
hides that header; the language cookie set by /i18n/setlang/ still decides.
"""


class BengaliFirstMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
