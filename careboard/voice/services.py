"""Taking in feedback safely: flood limits, safeguarding triage and the urgent alert."""

from __future__ import annotations

import hashlib
import hmac
import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from careboard.accounts.models import Role, User
from careboard.voice.models import ContactRequest, Feedback, SubmissionCount
from careboard.voice.safeguarding import signals_in

log = logging.getLogger(__name__)


def _address_key(address: str) -> str:
    """A keyed hash of the sender's address: enough to count, useless to identify."""
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def allow_submission(address: str) -> bool:
    """Count this submission; False when the address is over the hourly limit."""
    now = timezone.now()
    window = now.replace(minute=0, second=0, microsecond=0)
    key = _address_key(address)
    with transaction.atomic():
        counter, _ = SubmissionCount.objects.select_for_update().get_or_create(
            key=key, window_start=window
        )
        SubmissionCount.objects.filter(pk=counter.pk).update(count=F("count") + 1)
    SubmissionCount.objects.filter(window_start__lt=window - timedelta(days=1)).delete()
    return counter.count < settings.CAREBOARD_FEEDBACK_LIMIT_PER_HOUR


def safeguarding_recipients() -> list[str]:
    leads = User.objects.filter(role=Role.SAFEGUARDING_LEAD, is_active=True).exclude(email="")
    return sorted({*settings.CAREBOARD_SAFEGUARDING_EMAILS, *leads.values_list("email", flat=True)})


def send_urgent_alert(feedback: Feedback) -> bool:
    """Email the safeguarding lead(s) at once. The email never contains what the child wrote."""
    recipients = safeguarding_recipients()
    if not recipients:
        log.error("Urgent feedback %s: no safeguarding lead has an email address.", feedback.pk)
        return False
    link = settings.CAREBOARD_SITE_URL + reverse("voice:item", args=[feedback.pk])
    body = (
        f"A young person's feedback (item {feedback.pk}) may show a safeguarding concern: "
        f"{', '.join(feedback.signals)}.\n\n"
        f"Please read it now in careboard: {link}\n\n"
        "For their privacy this email does not include what they wrote."
        + ("\nThey asked to be contacted." if feedback.wants_contact else "")
    )
    try:
        send_mail(
            f"URGENT: feedback item {feedback.pk} needs a safeguarding check",
            body,
            settings.DEFAULT_FROM_EMAIL,
            recipients,
        )
    except Exception:  # the feedback is saved; a failed alert must be visible, not fatal
        log.exception("Could not send the urgent alert for feedback %s", feedback.pk)
        return False
    Feedback.objects.filter(pk=feedback.pk).update(alert_sent_at=timezone.now())
    return True


def take_feedback(
    *,
    about: str,
    whats_good: str,
    whats_not_good: str,
    ideas: str,
    age_band: str,
    contact_name: str = "",
    contact_how: str = "",
) -> Feedback:
    """Store feedback (and contact details apart from it), flag it and alert if urgent."""
    found = signals_in(whats_good, whats_not_good, ideas)
    with transaction.atomic():
        feedback = Feedback.objects.create(
            about=about,
            whats_good=whats_good,
            whats_not_good=whats_not_good,
            ideas=ideas,
            age_band=age_band,
            wants_contact=bool(contact_how),
            urgent=bool(found),
            signals=found,
        )
        if contact_how:
            ContactRequest.objects.create(feedback=feedback, name=contact_name, how=contact_how)
    if feedback.urgent:
        send_urgent_alert(feedback)
    return feedback
