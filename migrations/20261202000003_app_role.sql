-- The role the ingress and the workers connect as: it reads and writes the fleet's tables and
-- nothing else. Not a superuser, so the connections PostgreSQL reserves for superusers
-- (superuser_reserved_connections) stay free for an operator's psql when the fleet uses every
-- other one. `fleetctl migrate` sets its password from FLEET_APP_DB_PASSWORD when given.
-- Roles belong to the whole server: made once, whichever database migrates first.
DO $$
BEGIN
    CREATE ROLE fleet_app LOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END
$$;
GRANT USAGE ON SCHEMA public TO fleet_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO fleet_app;
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO fleet_app;
-- Tables and sequences later migrations create (as the same migrating role) too.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO fleet_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO fleet_app;
