"""URLs of the staff site."""

from django.urls import path

urlpatterns: list = []
