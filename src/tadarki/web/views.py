from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from tadarki.web import indicators


@login_required
def home(request):
    """The dashboard a committee chair opens first, scoped to the reader."""
    return render(request, "web/home.html", indicators.home(request.user))
