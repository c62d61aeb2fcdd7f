/**
 * `dtbd documents print`: a document of a class or a plan to a PDF or .docx file, through the same
 * service and permissions as the web (ADR 040). Decisions not issued print as an unnumbered draft.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DOCUMENT_KINDS, type DocumentKind } from '../../contracts/documents';
import { systemClock } from '../../server/lib/dates';
import { renderDocx } from '../../server/modules/documents/documents.docx';
import { renderPdf } from '../../server/modules/documents/documents.pdf';
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
    .option('--person <id>', 'giấy triệu tập của một học viên / the summons of one learner')
    .option('--format <format>', 'pdf | docx', 'pdf')
    .option('--out <file>', 'tệp ghi ra / output file (default <kind>-<ref>.<format>)')
    .option('--user <username>', 'với quyền và phạm vi của tài khoản này / act as this user')
    .action(
      async (opts: {
        kind: string;
        class?: string;
        plan?: string;
        person?: string;
        format: string;
        out?: string;
        user?: string;
      }) => {
        if (!DOCUMENT_KINDS.includes(opts.kind as DocumentKind))
          throw new CliError(`Loại văn bản không có: ${opts.kind}.`, `Unknown document kind: ${opts.kind}.`);
        if (opts.format !== 'pdf' && opts.format !== 'docx')
          throw new CliError('Định dạng chỉ là pdf hoặc docx.', 'The format is pdf or docx.');
        if (!opts.class === !opts.plan)
          throw new CliError(
            'Cần đúng một trong --class hoặc --plan.',
            'Give exactly one of --class or --plan.',
          );
        const subject = opts.class ? 'class' : 'plan';
        const id = positiveInt(subject, opts.class ?? opts.plan, 0, 1);
        const person = opts.person ? positiveInt('person', opts.person, 0, 1) : undefined;
        await withDatabase(async ({ handle }) => {
          const actor = await actorFor(handle.db, opts.user);
          const service = createDocumentService({ db: handle.db, clock: systemClock });
          const model = await service.print(actor, subject, id, opts.kind as DocumentKind, person);
          const file = opts.out ?? `${model.fileName}.${opts.format}`;
          writeFileSync(file, opts.format === 'pdf' ? await renderPdf(model) : await renderDocx(model));
          console.log(file);
        });
      },
    );
}
