"""goals and the planned ending

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_TIME = sa.String(length=27)


def upgrade() -> None:
    op.create_table(
        "goals",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("level_much_less", sa.Text(), nullable=False),
        sa.Column("level_less", sa.Text(), nullable=False),
        sa.Column("level_expected", sa.Text(), nullable=False),
        sa.Column("level_more", sa.Text(), nullable=False),
        sa.Column("level_much_more", sa.Text(), nullable=False),
        sa.Column("importance", sa.Integer(), nullable=False),
        sa.Column("difficulty", sa.Integer(), nullable=False),
        sa.Column("created_at", _TIME, nullable=False),
        sa.Column("updated_at", _TIME, nullable=False),
        sa.Column("archived_at", _TIME, nullable=True),
        sa.PrimaryKeyConstraint("pk"),
        sa.UniqueConstraint("id"),
    )
    op.create_index("ix_goals_created_at", "goals", ["created_at"])
    op.create_table(
        "goal_ratings",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("goal_pk", sa.Integer(), nullable=False),
        sa.Column("rated_at", _TIME, nullable=False),
        sa.Column("tz", sa.String(length=64), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("private", sa.Boolean(), nullable=False),
        sa.Column("session_id", sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(["goal_pk"], ["goals.pk"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["session_id"], ["therapy_sessions.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("pk"),
        sa.UniqueConstraint("id"),
    )
    op.create_index("ix_goal_ratings_goal_pk", "goal_ratings", ["goal_pk"])
    op.create_index("ix_goal_ratings_rated_at", "goal_ratings", ["rated_at"])
    op.create_table(
        "goal_entry_links",
        sa.Column("goal_pk", sa.Integer(), nullable=False),
        sa.Column("entry_pk", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["goal_pk"], ["goals.pk"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["entry_pk"], ["entries.pk"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("goal_pk", "entry_pk"),
    )
    op.create_index("ix_goal_entry_links_entry_pk", "goal_entry_links", ["entry_pk"])
    op.create_table(
        "goal_session_links",
        sa.Column("goal_pk", sa.Integer(), nullable=False),
        sa.Column("session_pk", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["goal_pk"], ["goals.pk"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["session_pk"], ["therapy_sessions.pk"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("goal_pk", "session_pk"),
    )
    op.create_index("ix_goal_session_links_session_pk", "goal_session_links", ["session_pk"])
    op.create_table(
        "ending_plan",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("last_session", sa.String(length=10), nullable=True),
        sa.Column("taper_start", sa.String(length=10), nullable=True),
        sa.Column("taper_json", sa.Text(), nullable=False),
        sa.Column("boosters_json", sa.Text(), nullable=False),
        sa.Column("followup_months_json", sa.Text(), nullable=False),
        sa.Column("warning_signs_json", sa.Text(), nullable=False),
        sa.Column("coping_json", sa.Text(), nullable=False),
        sa.Column("people_json", sa.Text(), nullable=False),
        sa.Column("if_worse_json", sa.Text(), nullable=False),
        sa.Column("come_back", sa.Text(), nullable=False),
        sa.Column("updated_at", _TIME, nullable=False),
        sa.PrimaryKeyConstraint("pk"),
    )
    op.create_table(
        "ending_feelings",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("rated_at", _TIME, nullable=False),
        sa.Column("tz", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("private", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("pk"),
        sa.UniqueConstraint("id"),
    )
    op.create_index("ix_ending_feelings_rated_at", "ending_feelings", ["rated_at"])


def downgrade() -> None:
    op.drop_index("ix_ending_feelings_rated_at", table_name="ending_feelings")
    op.drop_table("ending_feelings")
    op.drop_table("ending_plan")
    op.drop_index("ix_goal_session_links_session_pk", table_name="goal_session_links")
    op.drop_table("goal_session_links")
    op.drop_index("ix_goal_entry_links_entry_pk", table_name="goal_entry_links")
    op.drop_table("goal_entry_links")
    op.drop_index("ix_goal_ratings_rated_at", table_name="goal_ratings")
    op.drop_index("ix_goal_ratings_goal_pk", table_name="goal_ratings")
    op.drop_table("goal_ratings")
    op.drop_index("ix_goals_created_at", table_name="goals")
    op.drop_table("goals")
