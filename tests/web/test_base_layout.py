import re

import pytest
from django.template import Context, Template
from django.test import RequestFactory

from tadarki.accounts.models import User


@pytest.mark.django_db
def test_layout_has_navigation_post_logout_language_switch_and_blocks(client):
    client.force_login(User.objects.create_user("u", password="pw-123456"))
    body = client.get("/").content.decode()
    for href in ['href="/registry/"', 'href="/audits/"', 'href="/committees/"']:
        assert href in body
    assert re.search(r'<form action="/accounts/logout/" method="post"', body)
    assert 'action="/i18n/setlang/"' in body and 'value="en"' in body and "বাংলা" in body
    assert "/static/web/css/tadarki.css" in body


def test_other_apps_can_fill_the_blocks(rf: RequestFactory):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get("/x/")
    request.user = AnonymousUser()
    template = Template(
        '{% extends "web/base.html" %}{% block title %}T-1{% endblock %}'
        "{% block extra_head %}<meta name=x>{% endblock %}{% block content %}C-1{% endblock %}"
    )
    html = template.render(Context({"request": request, "user": request.user}))
    assert "<title>T-1" in html and "<meta name=x>" in html and "C-1" in html


@pytest.mark.django_db
def test_bengali_font_is_served_from_static(client):
    response = client.get("/static/web/fonts/NotoSansBengali-Regular.ttf")
    assert response.status_code == 200
    css = b"".join(client.get("/static/web/css/tadarki.css").streaming_content)
    assert b"Noto Sans Bengali" in css and b"SolaimanLipi" in css
