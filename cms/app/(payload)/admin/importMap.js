import { ReviewNotice as ReviewNotice_6d36cda3aa82f27d964b231dc59a1d73 } from '../../../../cms/components/Review/ReviewNotice'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ChecklistFeatureClient as ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineCodeFeatureClient as InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SuperscriptFeatureClient as SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SubscriptFeatureClient as SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { JoinedTextCell as JoinedTextCell_495931e9eed5da428b745aef24405ea8 } from '../../../../cms/components/JoinedTextCell'
import { ReviewControls as ReviewControls_2777798e8400575bf4fca88fca324b75 } from '../../../../cms/components/Review/ReviewControls'
import { ReviewPublishButton as ReviewPublishButton_a3895ce4528f27e4d2f56a87d816e4d4 } from '../../../../cms/components/Review/ReviewPublishButton'
import { ExportMenu as ExportMenu_039ab68f7ffa103cf313f869d2108896 } from '../../../../cms/components/ExportMenu'
import { SectionSelect as SectionSelect_90eec706e78e14053319c7538487946d } from '../../../../cms/components/SectionSelect'
import { CaptionsField as CaptionsField_2239ab64bed7ce2455f343715093547c } from '../../../../cms/components/CaptionsField'
import { ImportLink as ImportLink_ee808a07207d603c52f81a3bfa72ba61 } from '../../../../cms/components/BookImport/ImportLink'
import { PasswordField as PasswordField_3817bf644402e67bfe6577f60ef982de } from '@payloadcms/ui'
import { AuditLogView as AuditLogView_ea4c2d3fc86bfec2369ed1c404336286 } from '../../../../cms/components/AuditLog/AuditLogView'
import { SiteStatusView as SiteStatusView_dde4d7eff0560e708a4f5efff72c78ba } from '../../../../cms/components/SiteStatus/SiteStatusView'
import { BrandIcon as BrandIcon_bc64442ee066953691f85c8dc29a6959 } from '../../../../cms/components/Brand'
import { BrandLogo as BrandLogo_bc64442ee066953691f85c8dc29a6959 } from '../../../../cms/components/Brand'
import { ReviewQueuePanel as ReviewQueuePanel_c1b875a56c340116302a790aa9412f43 } from '../../../../cms/components/Review/ReviewQueuePanel'
import { SiteStatusOnDashboard as SiteStatusOnDashboard_72f05e9a21d2ac83a9bde9239507b76d } from '../../../../cms/components/SiteStatus/SiteStatusOnDashboard'
import { BookImportView as BookImportView_2c77b3781283456ddcdb504b736eb7ec } from '../../../../cms/components/BookImport/BookImportView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/cms/components/Review/ReviewNotice#ReviewNotice": ReviewNotice_6d36cda3aa82f27d964b231dc59a1d73,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ChecklistFeatureClient": ChecklistFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineCodeFeatureClient": InlineCodeFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SuperscriptFeatureClient": SuperscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#SubscriptFeatureClient": SubscriptFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/cms/components/JoinedTextCell#JoinedTextCell": JoinedTextCell_495931e9eed5da428b745aef24405ea8,
  "/cms/components/Review/ReviewControls#ReviewControls": ReviewControls_2777798e8400575bf4fca88fca324b75,
  "/cms/components/Review/ReviewPublishButton#ReviewPublishButton": ReviewPublishButton_a3895ce4528f27e4d2f56a87d816e4d4,
  "/cms/components/ExportMenu#ExportMenu": ExportMenu_039ab68f7ffa103cf313f869d2108896,
  "/cms/components/SectionSelect#SectionSelect": SectionSelect_90eec706e78e14053319c7538487946d,
  "/cms/components/CaptionsField#CaptionsField": CaptionsField_2239ab64bed7ce2455f343715093547c,
  "/cms/components/BookImport/ImportLink#ImportLink": ImportLink_ee808a07207d603c52f81a3bfa72ba61,
  "@payloadcms/ui#PasswordField": PasswordField_3817bf644402e67bfe6577f60ef982de,
  "/cms/components/AuditLog/AuditLogView#AuditLogView": AuditLogView_ea4c2d3fc86bfec2369ed1c404336286,
  "/cms/components/SiteStatus/SiteStatusView#SiteStatusView": SiteStatusView_dde4d7eff0560e708a4f5efff72c78ba,
  "/cms/components/Brand#BrandIcon": BrandIcon_bc64442ee066953691f85c8dc29a6959,
  "/cms/components/Brand#BrandLogo": BrandLogo_bc64442ee066953691f85c8dc29a6959,
  "/cms/components/Review/ReviewQueuePanel#ReviewQueuePanel": ReviewQueuePanel_c1b875a56c340116302a790aa9412f43,
  "/cms/components/SiteStatus/SiteStatusOnDashboard#SiteStatusOnDashboard": SiteStatusOnDashboard_72f05e9a21d2ac83a9bde9239507b76d,
  "/cms/components/BookImport/BookImportView#BookImportView": BookImportView_2c77b3781283456ddcdb504b736eb7ec,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
