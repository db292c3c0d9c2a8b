"""index readings by model version (a cheap "anything to re-read?" check)

Revision ID: 0004
Revises: 0003
"""

from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_entry_readings_model_version", "entry_readings", ["model_version"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_entry_readings_model_version", table_name="entry_readings")
