// 志愿服务证明: a numbered certificate of a volunteer's confirmed hours and the activities behind them, as PDF.
import { shanghaiYear } from '../../platform/clock';
import { type CertificateView, activityTypeLabels } from '@wenming/contracts';
import { sql } from 'drizzle-orm';
import { type Actor, can } from '../../platform/access';
import { writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';
import { chineseDate } from '../../platform/documents';
import { fail } from '../../platform/errors';
import { newId } from '../../platform/ids';
import { buildOfficialPdf } from '../../platform/pdf';
import { getVolunteer } from '../volunteers';

interface CertificateContent {
  volunteerNumber: string;
  idCardMasked: string;
  issuer: string;
  activities: { title: string; type: string; date: string; hours: number }[];
}

/** Shanghai calendar day bounds of a date range as UTC instants (either end open). */
const dayStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()) - 8 * 3600_000);
const ymd = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const shanghaiYmd = (v: unknown) => new Date(new Date(v as string).getTime() + 8 * 3600_000).toISOString().slice(0, 10);

/** The volunteer in the actor's scope: a station for its volunteers, or the volunteer for themself. */
async function volunteerFor(db: Db, actor: Actor, volunteerId: string) {
  const v = await getVolunteer(
    db,
    actor,
    volunteerId,
    can(actor, 'volunteer.manage') ? 'volunteer.manage' : 'volunteer.read',
  );
  if (!can(actor, 'volunteer.manage') && v.accountId !== actor.accountId) throw fail('VOLUNTEER_NOT_FOUND');
  return v;
}

/** Issue a certificate of the confirmed hours in a period (whole history when open); numbered per year. */
export async function issueCertificate(db: Db, actor: Actor, volunteerId: string, period: { from?: Date; to?: Date }) {
  const v = await volunteerFor(db, actor, volunteerId);
  const from = period.from ? dayStart(period.from) : null;
  const to = period.to ? new Date(dayStart(period.to).getTime() + 86400_000) : null;
  const res = await db.execute(sql`SELECT a.title, a.type, a.starts_at, su.hours FROM activity_signup su
    JOIN activity a ON a.tenant_id = su.tenant_id AND a.id = su.activity_id
    WHERE su.tenant_id = ${actor.tenantId} AND su.volunteer_id = ${v.id} AND su.hours_status = 'confirmed'
      ${from ? sql`AND a.starts_at >= ${from.toISOString()}` : sql``} ${to ? sql`AND a.starts_at < ${to.toISOString()}` : sql``}
    ORDER BY a.starts_at`);
  const activities = (res.rows as any[]).map((r) => ({
    title: r.title,
    type: r.type,
    date: shanghaiYmd(r.starts_at),
    hours: Number(r.hours),
  }));
  const hours = Math.round(activities.reduce((s, a) => s + a.hours, 0) * 10) / 10;
  if (!(hours > 0)) throw fail('CERTIFICATE_NO_HOURS');
  const tenant = await db.execute(sql`SELECT name FROM tenant WHERE id = ${actor.tenantId}`);
  const issuer = `${(tenant.rows[0] as { name: string }).name}新时代文明实践中心`;
  const content: CertificateContent = { volunteerNumber: v.number, idCardMasked: v.idCardMasked, issuer, activities };
  const id = newId();
  const year = shanghaiYear(actor.now);
  await db.transaction(async (tx) => {
    const seq =
      await tx.execute(sql`INSERT INTO volunteer_number_seq (tenant_id, prefix, last) VALUES (${actor.tenantId}, ${`C${year}`}, 1)
      ON CONFLICT (tenant_id, prefix) DO UPDATE SET last = volunteer_number_seq.last + 1 RETURNING last`);
    const number = `ZYFW${year}${String((seq.rows[0] as { last: number }).last).padStart(6, '0')}`;
    await tx.execute(sql`INSERT INTO volunteer_certificate (tenant_id, id, number, volunteer_id, hours, period_from, period_to, content, issued_by)
      VALUES (${actor.tenantId}, ${id}, ${number}, ${v.id}, ${hours}, ${ymd(period.from ?? null)}, ${ymd(period.to ?? null)},
        ${JSON.stringify(content)}::jsonb, ${actor.accountId})`);
    await writeAudit(tx, actor, {
      action: 'volunteer.certificate',
      objectType: 'volunteer_certificate',
      objectId: id,
      after: { number, volunteerId: v.id, hours },
    });
  });
  return getCertificate(db, actor, id);
}

async function loadCertificate(db: Db, actor: Actor, id: string) {
  const res = await db.execute(sql`SELECT c.*, v.name AS volunteer_name FROM volunteer_certificate c
    JOIN volunteer v ON v.tenant_id = c.tenant_id AND v.id = c.volunteer_id
    WHERE c.tenant_id = ${actor.tenantId} AND c.id = ${id}`);
  const r = res.rows[0] as any;
  if (!r) throw fail('CERTIFICATE_NOT_FOUND');
  await volunteerFor(db, actor, r.volunteer_id).catch(() => {
    throw fail('CERTIFICATE_NOT_FOUND');
  });
  return { ...r, content: (typeof r.content === 'string' ? JSON.parse(r.content) : r.content) as CertificateContent };
}

function toView(r: any): CertificateView {
  return {
    id: r.id,
    number: r.number,
    volunteerId: r.volunteer_id,
    volunteerName: r.volunteer_name,
    hours: Number(r.hours),
    periodFrom: r.period_from ? String(r.period_from).slice(0, 10) : null,
    periodTo: r.period_to ? String(r.period_to).slice(0, 10) : null,
    activityCount: r.content.activities.length,
    issuedAt: new Date(r.issued_at).toISOString(),
  };
}

/** A certificate the actor may see. */
export async function getCertificate(db: Db, actor: Actor, id: string) {
  return toView(await loadCertificate(db, actor, id));
}

/** Certificates of a volunteer. */
export async function listCertificates(db: Db, actor: Actor, volunteerId: string) {
  const v = await volunteerFor(db, actor, volunteerId);
  const res = await db.execute(sql`SELECT c.*, ${v.name}::text AS volunteer_name FROM volunteer_certificate c
    WHERE c.tenant_id = ${actor.tenantId} AND c.volunteer_id = ${v.id} ORDER BY c.issued_at DESC`);
  return res.rows.map((r: any) =>
    toView({ ...r, content: typeof r.content === 'string' ? JSON.parse(r.content) : r.content }),
  );
}

/** The certificate as a printable PDF (A4, Chinese fonts embedded). */
export async function certificatePdf(db: Db, actor: Actor, id: string) {
  const c = await loadCertificate(db, actor, id);
  const { content } = c;
  const span =
    c.period_from || c.period_to
      ? `${c.period_from ? chineseDate(String(c.period_from).slice(0, 10)) : '注册之日'}至${c.period_to ? chineseDate(String(c.period_to).slice(0, 10)) : '今'}`
      : `${chineseDate(content.activities[0].date)}至${chineseDate(content.activities[content.activities.length - 1].date)}`;
  const bytes = await buildOfficialPdf({
    docNumber: `证明编号：${c.number}`,
    title: '志愿服务证明',
    blocks: [
      {
        kind: 'paragraph',
        indent: true,
        text: `兹证明${c.volunteer_name}（志愿者编号：${content.volunteerNumber}，身份证号：${content.idCardMasked}）于${span}参加志愿服务活动${content.activities.length}次，经活动组织方确认，累计志愿服务时长${Number(c.hours)}小时。`,
      },
      { kind: 'paragraph', indent: true, text: '服务内容如下：' },
      {
        kind: 'table',
        columns: [
          { header: '日期', width: 2 },
          { header: '活动名称', width: 5 },
          { header: '类型', width: 2 },
          { header: '时长（小时）', width: 2 },
        ],
        rows: content.activities.map((a: CertificateContent['activities'][number]) => [
          a.date,
          a.title,
          activityTypeLabels[a.type as keyof typeof activityTypeLabels] ?? a.type,
          a.hours,
        ]),
      },
      { kind: 'paragraph', indent: true, text: '特此证明。' },
    ],
    signature: { office: content.issuer, date: new Date(c.issued_at) },
  });
  return { name: `志愿服务证明-${c.number}.pdf`, contentType: 'application/pdf', bytes };
}
