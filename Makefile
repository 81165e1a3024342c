# Shortcuts for developers. The README's two commands are scripts/run and scripts/test,
# which need nothing but bash on a fresh Debian machine.
.DEFAULT_GOAL := help
.PHONY: help run test test-postgres lint format translations migration

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-15s %s\n", $$1, $$2}'

run: ## Install everything and serve the portal on http://127.0.0.1:5000
	scripts/run

test: ## Install what the tests need, lint, and run the whole suite on SQLite
	scripts/test

test-postgres: ## The whole suite on PostgreSQL at 127.0.0.1:5432 (user postgres)
	TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/portal_test scripts/test

lint: ## ruff check and ruff format --check
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

format: ## Fix what ruff can fix, and format
	.venv/bin/ruff check --fix . && .venv/bin/ruff format .

translations: ## Extract new strings into every catalogue, then compile them
	.venv/bin/flask --app wsgi translate update && .venv/bin/flask --app wsgi translate compile

migration: ## Write a migration for model changes: make migration m="what changed"
	.venv/bin/flask --app wsgi db migrate -m "$(m)"
