/**
 * `dtbd documents print`: a document of a class or a plan to a PDF or .docx file, through the same
 * service and permissions as the web (ADR 040). Decisions not issued print as an unnumbered draft.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { IsoDate } from '../../contracts/common';
import { DOCUMENT_KINDS, type DocumentKind } from '../../contracts/documents';
import { systemClock, todayOf } from '../../server/lib/dates';
import { renderDocx } from '../../server/modules/documents/documents.docx';
import { renderPdf } from '../../server/modules/documents/documents.pdf';
import { printRegister } from '../../server/modules/documents/documents.register';
import { createDocumentService } from '../../server/modules/documents/documents.service';
import { actorFor } from '../actor';
import { CliError, positiveInt, withDatabase } from '../context';

export function registerDocuments(program: Command): void {
  const documents = program
    .command('documents')
    .description('Văn bản (quyết định, giấy triệu tập, danh sách) / official documents');
  documents
    .command('print')
    .description(
      'In một văn bản của lớp hoặc kế hoạch ra tệp PDF/.docx / print a document of a class or plan to a file',
    )
    .requiredOption('--kind <kind>', DOCUMENT_KINDS.join(' | '))
    .option('--class <id>', 'mã số (id) lớp / class id')
    .option('--plan <id>', 'mã số (id) kế hoạch / plan id')
    .option(
      '--register <id>',
      'sổ cấp chứng chỉ của cơ sở đào tạo/đơn vị, mọi lớp (--kind certificate_register) / the register of an institution or unit, all classes',
    )
    .option('--from <date>', 'với --register: cấp từ ngày (YYYY-MM-DD) / issued from')
    .option('--to <date>', 'với --register: đến ngày (YYYY-MM-DD) / issued until')
    .option('--person <id>', 'giấy triệu tập của một học viên / the summons of one learner')
    .option('--format <format>', 'pdf | docx', 'pdf')
    .option('--out <file>', 'tệp ghi ra / output file (default <kind>-<ref>.<format>)')
    .option('--user <username>', 'với quyền và phạm vi của tài khoản này / act as this user')
    .action(
      async (opts: {
        kind: string;
        class?: string;
        plan?: string;
        register?: string;
        from?: string;
        to?: string;
        person?: string;
        format: string;
        out?: string;
        user?: string;
      }) => {
        if (!DOCUMENT_KINDS.includes(opts.kind as DocumentKind))
          throw new CliError(`Loại văn bản không có: ${opts.kind}.`, `Unknown document kind: ${opts.kind}.`);
        if (opts.format !== 'pdf' && opts.format !== 'docx')
          throw new CliError('Định dạng chỉ là pdf hoặc docx.', 'The format is pdf or docx.');
        if ([opts.class, opts.plan, opts.register].filter(Boolean).length !== 1)
          throw new CliError(
            'Cần đúng một trong --class, --plan hoặc --register.',
            'Give exactly one of --class, --plan or --register.',
          );
        if (opts.register && opts.kind !== 'certificate_register')
          throw new CliError(
            '--register chỉ in sổ cấp chứng chỉ (--kind certificate_register).',
            '--register prints the certificate register only (--kind certificate_register).',
          );
        for (const d of [opts.from, opts.to])
          if (d !== undefined && !IsoDate.safeParse(d).success)
            throw new CliError(`Ngày không hợp lệ: ${d} (YYYY-MM-DD).`, `Not a date: ${d} (YYYY-MM-DD).`);
        const subject = opts.class ? 'class' : 'plan';
        const id = positiveInt(
          opts.register ? 'register' : subject,
          opts.register ?? opts.class ?? opts.plan,
          0,
          1,
        );
        const person = opts.person ? positiveInt('person', opts.person, 0, 1) : undefined;
        await withDatabase(async ({ handle }) => {
          const actor = await actorFor(handle.db, opts.user);
          const service = createDocumentService({ db: handle.db, clock: systemClock });
          const model = opts.register
            ? await printRegister(
                handle.db,
                actor,
                id,
                { from: opts.from, to: opts.to },
                todayOf(systemClock),
              )
            : await service.print(actor, subject, id, opts.kind as DocumentKind, person);
          const file = opts.out ?? `${model.fileName}.${opts.format}`;
          writeFileSync(file, opts.format === 'pdf' ? await renderPdf(model) : await renderDocx(model));
          console.log(file);
        });
      },
    );
}
