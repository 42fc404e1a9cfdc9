-- Nobody can lock a shared table, or take ids. LOCK TABLE in SHARE mode or stronger needs UPDATE,
-- DELETE or TRUNCATE on the whole table; a representative holding UPDATE on entries could lock it
-- in ACCESS EXCLUSIVE mode and stall every reader. And INSERT on a whole table lets a person give
-- the ids themselves (OVERRIDING SYSTEM VALUE): a representative taking the next hundred entry ids
-- made every other country's entry fail. Now every group holds INSERT and UPDATE on the columns it
-- may write only (column privileges allow neither LOCK TABLE nor writing an id), and no group holds
-- DELETE or TRUNCATE: the few deletions the award needs go through owner-run functions that check
-- who asks. A person can still lock the rows they may change, as any writer does until their
-- transaction ends; the ecpa commands give up after lock_timeout and name who holds the lock.
SET ROLE ecpa_owner;

REVOKE INSERT ON ecpa.editions, ecpa.people, ecpa.late_acceptances, ecpa.jurors, ecpa.declared_conflicts,
    ecpa.schemes, ecpa.criteria, ecpa.archive_editions, ecpa.archive_awards FROM ecpa_secretariat;
REVOKE INSERT ON ecpa.entries FROM ecpa_secretariat, ecpa_national_representative;
REVOKE INSERT ON ecpa.declared_conflicts FROM ecpa_juror;
REVOKE INSERT ON ecpa.scores, ecpa.abstentions FROM ecpa_secretariat, ecpa_juror;
GRANT INSERT (year, theme, host_country_code, host_city, conference_start, conference_end, time_zone,
              submissions_open_at, submissions_close_at, prize_gold, prize_silver, prize_bronze,
              max_voting_jurors, own_country_conflict)
    ON ecpa.editions TO ecpa_secretariat;
GRANT INSERT (role_name, kind, country_code, display_name, email) ON ecpa.people TO ecpa_secretariat;
GRANT INSERT (edition_id, country_code, reason, accepted_until) ON ecpa.late_acceptances TO ecpa_secretariat;
GRANT INSERT (edition_id, country_code, kind, state, ineligible_reason, title, contact_name, contact_organisation,
              contact_email, contact_phone, start_date, still_running, end_date, links, description, objectives,
              target_group, evaluation_method, evaluation_results, innovation, partners, transferability,
              costs_funding)
    ON ecpa.entries TO ecpa_secretariat, ecpa_national_representative;
GRANT INSERT (edition_id, role_name, country_code, display_name, voting, chair) ON ecpa.jurors TO ecpa_secretariat;
GRANT INSERT (juror_id, entry_id, reason) ON ecpa.declared_conflicts TO ecpa_secretariat, ecpa_juror;
GRANT INSERT (edition_id, name, note, method, tie_breaks, source_text) ON ecpa.schemes TO ecpa_secretariat;
GRANT INSERT (edition_id, code, position, name, description, weight, min_value, max_value, step)
    ON ecpa.criteria TO ecpa_secretariat;
GRANT INSERT (edition_id, entry_id, juror_id, criterion_code, value, comment) ON ecpa.scores TO ecpa_secretariat, ecpa_juror;
GRANT INSERT (edition_id, entry_id, juror_id, comment) ON ecpa.abstentions TO ecpa_secretariat, ecpa_juror;
GRANT INSERT (year, host_country_code, host_certainty, host_city, host_city_certainty, conference_dates,
              conference_dates_certainty, theme, theme_certainty, host_note, theme_note, note, source)
    ON ecpa.archive_editions TO ecpa_secretariat;
GRANT INSERT (year, award, award_certainty, country_code, country_certainty, title, title_certainty, note, source)
    ON ecpa.archive_awards TO ecpa_secretariat;

-- A representative may lock (SELECT ... FOR UPDATE) only the rows they may change: their country's
-- entries while the edition takes entries. During scoring a lock on an entry would stall the
-- jurors' score writes and the freeze, whose foreign keys lock the entry they point to. The phase
-- is read as it is now, and locked FOR SHARE like every guard's (0018): a lock on an entry then
-- also holds its edition, so opening scoring waits for it (and ecpa names who holds it), and a
-- snapshot older than the phase change fails instead of locking an entry during scoring.
CREATE FUNCTION ecpa.edition_takes_entries(p_edition bigint) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_phase text;
BEGIN
    SELECT phase INTO v_phase FROM ecpa.editions WHERE id = p_edition;
    IF v_phase IS DISTINCT FROM 'submissions_open' AND v_phase IS DISTINCT FROM 'submissions_closed' THEN
        RETURN false;
    END IF;
    SELECT phase INTO v_phase FROM ecpa.editions WHERE id = p_edition FOR SHARE;
    PERFORM ecpa.refuse_while_edition_changes(p_edition);
    RETURN v_phase IN ('submissions_open', 'submissions_closed');
END
$$;
REVOKE ALL ON FUNCTION ecpa.edition_takes_entries(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.edition_takes_entries(bigint) TO ecpa_national_representative;
DROP POLICY entries_own_country ON ecpa.entries;
CREATE POLICY entries_own_country ON ecpa.entries FOR SELECT
    USING (country_code = (SELECT ecpa.my_country()));
CREATE POLICY entries_own_country_insert ON ecpa.entries FOR INSERT
    WITH CHECK (country_code = (SELECT ecpa.my_country()));
CREATE POLICY entries_own_country_update ON ecpa.entries FOR UPDATE TO ecpa_national_representative
    USING (country_code = (SELECT ecpa.my_country()) AND ecpa.edition_takes_entries(edition_id))
    WITH CHECK (country_code = (SELECT ecpa.my_country()));

REVOKE UPDATE, DELETE, TRUNCATE ON ecpa.editions FROM ecpa_secretariat;
GRANT UPDATE (year, theme, host_country_code, host_city, conference_start, conference_end, time_zone, phase,
              submissions_open_at, submissions_close_at, prize_gold, prize_silver, prize_bronze,
              max_voting_jurors, own_country_conflict, scoring_open)
    ON ecpa.editions TO ecpa_secretariat;

REVOKE UPDATE, DELETE, TRUNCATE ON ecpa.people FROM ecpa_secretariat;
GRANT UPDATE (display_name, email) ON ecpa.people TO ecpa_secretariat;

REVOKE UPDATE, DELETE, TRUNCATE ON ecpa.entries FROM ecpa_secretariat, ecpa_national_representative;
GRANT UPDATE (edition_id, country_code, kind, state, ineligible_reason, title, contact_name, contact_organisation,
              contact_email, contact_phone, start_date, still_running, end_date, links, description, objectives,
              target_group, evaluation_method, evaluation_results, innovation, partners, transferability,
              costs_funding)
    ON ecpa.entries TO ecpa_secretariat, ecpa_national_representative;

REVOKE UPDATE, DELETE, TRUNCATE ON ecpa.jurors FROM ecpa_secretariat;
GRANT UPDATE (role_name, country_code, display_name, voting, chair) ON ecpa.jurors TO ecpa_secretariat;

REVOKE UPDATE, DELETE, TRUNCATE ON ecpa.declared_conflicts FROM ecpa_secretariat, ecpa_juror;
GRANT UPDATE (reason) ON ecpa.declared_conflicts TO ecpa_secretariat, ecpa_juror;

REVOKE UPDATE, DELETE, TRUNCATE ON ecpa.schemes, ecpa.criteria FROM ecpa_secretariat;
GRANT UPDATE (name, note, method, tie_breaks, source_text) ON ecpa.schemes TO ecpa_secretariat;
GRANT UPDATE (position, name, description, weight, min_value, max_value, step) ON ecpa.criteria TO ecpa_secretariat;

REVOKE UPDATE, DELETE, TRUNCATE ON ecpa.archive_editions, ecpa.archive_awards FROM ecpa_secretariat;
GRANT UPDATE (host_country_code, host_certainty, host_city, host_city_certainty, conference_dates,
              conference_dates_certainty, theme, theme_certainty, host_note, theme_note, note, source)
    ON ecpa.archive_editions TO ecpa_secretariat;
GRANT UPDATE (year, award, award_certainty, country_code, country_certainty, title, title_certainty, note, source)
    ON ecpa.archive_awards TO ecpa_secretariat;

-- Removes a juror from an edition's jury (before scoring opens; jurors_guard says so otherwise).
CREATE FUNCTION ecpa.remove_juror(p_juror bigint) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_deleted integer;
BEGIN
    IF NOT ecpa.is_secretariat() THEN
        RAISE EXCEPTION 'only the secretariat changes a jury' USING ERRCODE = '42501';
    END IF;
    DELETE FROM ecpa.jurors WHERE id = p_juror;
    GET DIAGNOSTICS v_deleted = ROW_COUNT;
    RETURN v_deleted > 0;
END
$$;

-- Clears a declared conflict of interest; returns whether there was one.
CREATE FUNCTION ecpa.clear_conflict(p_juror bigint, p_entry bigint) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_deleted integer;
BEGIN
    IF NOT ecpa.is_secretariat() THEN
        RAISE EXCEPTION 'only the secretariat clears a declared conflict' USING ERRCODE = '42501';
    END IF;
    DELETE FROM ecpa.declared_conflicts WHERE juror_id = p_juror AND entry_id = p_entry;
    GET DIAGNOSTICS v_deleted = ROW_COUNT;
    RETURN v_deleted > 0;
END
$$;

-- Removes an edition's criteria so that a new scheme can replace them (before scoring opens).
CREATE FUNCTION ecpa.clear_criteria(p_edition bigint) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_deleted integer;
BEGIN
    IF NOT ecpa.is_secretariat() THEN
        RAISE EXCEPTION 'only the secretariat sets a scoring scheme' USING ERRCODE = '42501';
    END IF;
    DELETE FROM ecpa.criteria WHERE edition_id = p_edition;
    GET DIAGNOSTICS v_deleted = ROW_COUNT;
    RETURN v_deleted;
END
$$;

-- Removes an award from the research notes' archive.
CREATE FUNCTION ecpa.delete_archive_award(p_id bigint) RETURNS boolean
    LANGUAGE plpgsql SECURITY DEFINER
    SET search_path = pg_catalog, pg_temp
    AS $$
DECLARE
    v_deleted integer;
BEGIN
    IF NOT ecpa.is_secretariat() THEN
        RAISE EXCEPTION 'only the secretariat changes the archive' USING ERRCODE = '42501';
    END IF;
    DELETE FROM ecpa.archive_awards WHERE id = p_id;
    GET DIAGNOSTICS v_deleted = ROW_COUNT;
    RETURN v_deleted > 0;
END
$$;

REVOKE ALL ON FUNCTION ecpa.remove_juror(bigint), ecpa.clear_conflict(bigint, bigint), ecpa.clear_criteria(bigint),
    ecpa.delete_archive_award(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.remove_juror(bigint), ecpa.clear_conflict(bigint, bigint), ecpa.clear_criteria(bigint),
    ecpa.delete_archive_award(bigint) TO ecpa_secretariat;

-- Functions that only the owner's code calls, or that only the secretariat needs.
REVOKE ALL ON FUNCTION ecpa.create_login_role(text, text, text), ecpa.grant_group(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ecpa.create_login_role(text, text, text), ecpa.grant_group(text, text) TO ecpa_secretariat;

RESET ROLE;
