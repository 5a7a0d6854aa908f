from django.apps import AppConfig


class VoiceConfig(AppConfig):
    name = "careboard.voice"
    label = "voice"
    verbose_name = "Voice of the child"
