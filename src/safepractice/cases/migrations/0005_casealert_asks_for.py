from django.db import migrations, models


def mark_notification_alerts(apps, schema_editor):
    # The alerts sent so far to get route 2's notifications made: the URGENT one on raising
    # and the OVERDUE one (their wording, services._alert_on_raising and deadlines).
    CaseAlert = apps.get_model("cases", "CaseAlert")
    asking = CaseAlert.objects.filter(case__route="indecent-images").filter(
        models.Q(message__startswith="URGENT ") | models.Q(message__startswith="OVERDUE: ")
    )
    asking.update(asks_for="notifications")


class Migration(migrations.Migration):

    dependencies = [
        ("cases", "0004_raised_at_version_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="casealert",
            name="asks_for",
            field=models.CharField(
                blank=True,
                choices=[
                    ("", "Nothing it waits for"),
                    ("notifications", "Notify the police and the safeguarding unit"),
                ],
                default="",
                max_length=20,
            ),
        ),
        migrations.RunPython(mark_notification_alerts, migrations.RunPython.noop),
    ]
