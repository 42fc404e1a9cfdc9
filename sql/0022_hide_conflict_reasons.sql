-- A declared conflict's reason is the declaring juror's and the secretariat's to read. Until now
-- every juror could read every other juror's declared conflicts and their reasons; now row-level
-- security shows a juror their own only. Conflicts still count for everyone's rules: the score
-- checks run as the owner, who reads them all.
SET ROLE ecpa_owner;

ALTER TABLE ecpa.declared_conflicts ENABLE ROW LEVEL SECURITY;
ALTER TABLE ecpa.declared_conflicts FORCE ROW LEVEL SECURITY;
CREATE POLICY declared_conflicts_owner ON ecpa.declared_conflicts TO ecpa_owner USING (true) WITH CHECK (true);
CREATE POLICY declared_conflicts_secretariat ON ecpa.declared_conflicts
    USING ((SELECT ecpa.is_secretariat())) WITH CHECK ((SELECT ecpa.is_secretariat()));
CREATE POLICY declared_conflicts_own ON ecpa.declared_conflicts
    USING (juror_id IN (SELECT id FROM ecpa.jurors WHERE role_name = current_user))
    WITH CHECK (juror_id IN (SELECT id FROM ecpa.jurors WHERE role_name = current_user));

RESET ROLE;
