'use client'
import React, { useEffect, useState } from 'react'
import type { TextFieldClientComponent } from 'payload'
import { SelectInput, useField, useFormFields } from '@payloadcms/ui'

type Option = { label: string; value: string }

/** Picks the exhibit's section from the sections of the exhibition chosen beside it. */
export const SectionSelect: TextFieldClientComponent = ({ field, path, readOnly }) => {
  const { value, setValue, showError, errorMessage } = useField<string>({ path })
  const exhibition = useFormFields(([fields]) => fields.exhibition?.value) as
    number | string | { id: number | string } | null | undefined
  const exhibitionId = exhibition && typeof exhibition === 'object' ? exhibition.id : exhibition
  // Options are kept with the exhibition they were read for, so another exhibition's never show.
  const [loaded, setLoaded] = useState<{ exhibitionId: number | string; options: Option[] } | null>(
    null,
  )
  const options =
    exhibitionId != null && loaded?.exhibitionId === exhibitionId ? loaded.options : []

  useEffect(() => {
    if (exhibitionId == null || exhibitionId === '') return
    const controller = new AbortController()
    fetch(`/api/exhibitions/${exhibitionId}?depth=0&draft=true`, {
      credentials: 'include',
      signal: controller.signal,
    })
      .then((response) => (response.ok ? response.json() : null))
      .then((doc: { sections?: { id: string; title: string }[] } | null) =>
        setLoaded({
          exhibitionId,
          options: (doc?.sections ?? []).map((section, index) => ({
            value: section.id,
            label: `${index + 1}. ${section.title}`,
          })),
        }),
      )
      .catch(() => undefined)
    return () => controller.abort()
  }, [exhibitionId])

  return (
    <SelectInput
      name={field.name}
      path={path}
      label={field.label}
      required={field.required}
      readOnly={readOnly || options.length === 0}
      description={exhibitionId ? field.admin?.description : '请先在上方选择所属展览。'}
      options={options}
      value={value ?? undefined}
      showError={showError}
      Error={showError ? errorMessage : undefined}
      placeholder="选择展区"
      onChange={(option) => {
        const picked = Array.isArray(option) ? option[0] : option
        setValue((picked as Option | null)?.value ?? null)
      }}
    />
  )
}
