-- Who is acting. The rules that protect the ledger, the audit log and the phases now run in
-- owner-run (SECURITY DEFINER) functions, where current_user is ecpa_owner. They need the person
-- on whose behalf they run: the role the session took with SET ROLE (PostgreSQL checks membership
-- whenever the setting changes, and forbids changing it inside a SECURITY DEFINER function), else
-- the login itself. Outside owner-run code this is current_user. A group role (one that cannot
-- log in, such as ecpa_secretariat) names nobody, so a session acting as a group is named by its
-- login: the ledger and the stamps always name a person.
SET ROLE ecpa_owner;

CREATE FUNCTION ecpa.actor() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
    SET search_path = pg_catalog, pg_temp
    AS $$
        SELECT CASE WHEN current_setting('role') = 'none'
                      OR NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = current_setting('role') AND rolcanlogin)
                    THEN session_user::text
                    ELSE current_setting('role') END
    $$;

-- True for members of the secretariat group, and for superusers (who hold every role).
CREATE OR REPLACE FUNCTION ecpa.is_secretariat() RETURNS boolean
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $$ SELECT pg_catalog.pg_has_role(ecpa.actor(), 'ecpa_secretariat', 'USAGE') $$;

-- The country the acting role represents, or NULL. Runs as the owner, so that anyone may ask it
-- about themself (a public reader cannot read the people table).
CREATE OR REPLACE FUNCTION ecpa.my_country() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
        SELECT country_code FROM ecpa.people
        WHERE role_name = ecpa.actor() AND kind = 'national_representative'
    $$;

-- The juror seat of the acting role in an edition, or NULL.
CREATE OR REPLACE FUNCTION ecpa.my_juror_id(p_edition bigint) RETURNS bigint
    LANGUAGE sql STABLE
    SET search_path = pg_catalog, pg_temp
    AS $$ SELECT id FROM ecpa.jurors WHERE edition_id = p_edition AND role_name = ecpa.actor() $$;

-- Owner-run code reads every row of the tables whose row-level security is forced (the policies
-- for people still apply to everyone else; nobody logs in as the owner).
CREATE POLICY people_owner ON ecpa.people FOR SELECT TO ecpa_owner USING (true);
CREATE POLICY late_acceptances_owner ON ecpa.late_acceptances FOR SELECT TO ecpa_owner USING (true);
CREATE POLICY entries_owner ON ecpa.entries FOR SELECT TO ecpa_owner USING (true);
DROP POLICY entries_published_for_archive ON ecpa.entries;
CREATE POLICY scores_owner ON ecpa.scores TO ecpa_owner USING (true) WITH CHECK (true);
CREATE POLICY abstentions_owner ON ecpa.abstentions TO ecpa_owner USING (true) WITH CHECK (true);
CREATE POLICY frozen_results_owner ON ecpa.frozen_results TO ecpa_owner USING (true) WITH CHECK (true);

-- The entries policies ask once per statement, not once per row.
ALTER POLICY entries_secretariat ON ecpa.entries
    USING ((SELECT ecpa.is_secretariat())) WITH CHECK ((SELECT ecpa.is_secretariat()));
ALTER POLICY entries_own_country ON ecpa.entries
    USING (country_code = (SELECT ecpa.my_country())) WITH CHECK (country_code = (SELECT ecpa.my_country()));
ALTER POLICY people_secretariat ON ecpa.people
    USING ((SELECT ecpa.is_secretariat())) WITH CHECK ((SELECT ecpa.is_secretariat()));
ALTER POLICY late_acceptances_secretariat ON ecpa.late_acceptances
    USING ((SELECT ecpa.is_secretariat())) WITH CHECK ((SELECT ecpa.is_secretariat()));
ALTER POLICY late_acceptances_own_country ON ecpa.late_acceptances
    USING (country_code = (SELECT ecpa.my_country()));
ALTER POLICY score_events_secretariat ON ecpa.score_events USING ((SELECT ecpa.is_secretariat()));
ALTER POLICY score_events_own ON ecpa.score_events
    USING (juror_id IN (SELECT id FROM ecpa.jurors WHERE role_name = (SELECT ecpa.actor())));

RESET ROLE;
