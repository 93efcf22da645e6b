# usage.md §3 E10: PowerShell embedded in another language, statements joined with '; '
# and passed with -Command (see lang-e10-command.args).
