"""What every `digestbot` command shares: exit codes and the one-line error."""

from __future__ import annotations

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2


class CliError(Exception):
    """A failure to report as one line (the message says what to do next)."""

    def __init__(self, message: str, code: int = EXIT_FAILURE) -> None:
        super().__init__(message)
        self.code = code


TOKEN_HELP = (
    "create an application at https://discord.com/developers/applications, open Bot, press "
    "Reset Token, and put it in .env as DISCORD_TOKEN=..."
)
