from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def tree(request):
    return render(request, "registry/tree.html", {"roots": []})
